/* The C API of the _curses module (CPython's py_curses.h), for extensions
 * that work on curses windows: include it after Python.h, then call
 * import_curses() in the module's init.
 *
 * RustPython has no _curses module, so on this interpreter import_curses()
 * leaves PyCurses_API NULL with ModuleNotFoundError set, as on a CPython
 * built without curses. The layout and names are CPython 3.14's. */
#ifndef Py_CURSES_H
#define Py_CURSES_H

/* The curses header CPython's configure would pick, most capable first. */
#if defined(__has_include)
#  if __has_include(<ncursesw/ncurses.h>)
#    define _Py_CPYEXT_CURSES_HEADER <ncursesw/ncurses.h>
#  elif __has_include(<ncursesw/curses.h>)
#    define _Py_CPYEXT_CURSES_HEADER <ncursesw/curses.h>
#  elif __has_include(<ncurses/ncurses.h>)
#    define _Py_CPYEXT_CURSES_HEADER <ncurses/ncurses.h>
#  elif __has_include(<ncurses/curses.h>)
#    define _Py_CPYEXT_CURSES_HEADER <ncurses/curses.h>
#  elif __has_include(<ncurses.h>)
#    define _Py_CPYEXT_CURSES_HEADER <ncurses.h>
#  elif __has_include(<curses.h>)
#    define _Py_CPYEXT_CURSES_HEADER <curses.h>
#  endif
#endif
#ifdef _Py_CPYEXT_CURSES_HEADER
#  include _Py_CPYEXT_CURSES_HEADER
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* PyCurses_API's entries: the window type, then three checks. */
#define PyCurses_API_pointers 4

#ifdef _Py_CPYEXT_CURSES_HEADER
typedef struct PyCursesWindowObject {
    PyObject_HEAD
    WINDOW *win;
    char *encoding;
    struct PyCursesWindowObject *orig;
} PyCursesWindowObject;
#else
typedef struct PyCursesWindowObject PyCursesWindowObject
    Py_CPYEXT_MISSING("py_curses.h found no curses header (ncurses.h or curses.h) to take WINDOW from");
#endif

#define PyCurses_CAPSULE_NAME "_curses._C_API"

/* Filled by import_curses() from the _curses._C_API capsule. */
static void **PyCurses_API __attribute__((unused));

#define PyCursesWindow_Type (*(PyTypeObject *)PyCurses_API[0])
/* Statements: return NULL from the enclosing function, with curses's
 * error set, when the terminal (or its colours) is not set up. */
#define PyCursesSetupTermCalled  {if (! ((int (*)(void))PyCurses_API[1]) () ) return NULL;}
#define PyCursesInitialised      {if (! ((int (*)(void))PyCurses_API[2]) () ) return NULL;}
#define PyCursesInitialisedColor {if (! ((int (*)(void))PyCurses_API[3]) () ) return NULL;}
#define import_curses() \
    PyCurses_API = (void **)PyCapsule_Import(PyCurses_CAPSULE_NAME, 1);

#define PyCursesWindow_Check(v) Py_IS_TYPE((v), &PyCursesWindow_Type)

/* The messages of the _curses module's errors. */
static const char catchall_ERR[] = "curses function returned ERR";
static const char catchall_NULL[] = "curses function returned NULL";

#ifdef __cplusplus
}
#endif
#endif /* !Py_CURSES_H */
