/* The compiler's start symbols (what Py_CompileString's `start` takes). */
#ifndef Py_COMPILE_H
#define Py_COMPILE_H

#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345

#endif /* !Py_COMPILE_H */
