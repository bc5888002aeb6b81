/* docx.c -- DOCX (OOXML WordprocessingML) reader. */
#include "config.h"

#include "read/read.h"
#include "util/error.h"

air_status air_read_docx(air_doc *doc, air_pkg *pkg)
{
    (void)doc;
    return air_error(AIR_EUNSUPPORTED, "%s: DOCX reader not written yet",
                     air_pkg_name(pkg));
}
