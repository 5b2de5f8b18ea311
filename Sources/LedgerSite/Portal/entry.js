// entry.html?seq=N (the address OCDS and the CSV files give for each entry): the entry's page.
const params = new URLSearchParams(location.search);
const seq = params.get("seq") ?? "";
const lang = params.get("lang") === "en" ? "en" : "es";
location.replace(`./#/${lang}/entry?seq=${encodeURIComponent(seq)}`);
