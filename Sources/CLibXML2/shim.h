// libxml2 built with ICU pulls <unicode/*.h> from libicu-dev into this module, and its enums
// clash with the copy of ICU inside Foundation (_FoundationICU). The ICU parts are only the
// innards of character-encoding handlers, which the reader never touches (it uses the SAX2
// callbacks, the parser context by pointer and xmlError), so they are switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
