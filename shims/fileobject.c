/* Py_UniversalNewlineFgets (fileobject.h): plain stdio, as in CPython. */

#include "Python.h"

#include <errno.h>

char *
Py_UniversalNewlineFgets(char *buf, int n, FILE *stream, PyObject *fobj)
{
    if (fobj != NULL) {
        errno = ENXIO;
        return NULL;
    }
    char *p = buf;
    int c;
    flockfile(stream);
    while (--n > 0 && (c = getc_unlocked(stream)) != EOF) {
        if (c == '\r') {
            /* "\r\n" and a lone "\r" both end the line as "\n". */
            c = getc_unlocked(stream);
            if (c != '\n') {
                ungetc(c, stream);
                c = '\n';
            }
        }
        *p++ = (char)c;
        if (c == '\n')
            break;
    }
    funlockfile(stream);
    *p = '\0';
    return p == buf ? NULL : buf;
}
