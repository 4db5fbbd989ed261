/* A shared object that is not an HPy extension (no HPyInit_not_hpy). */
int not_hpy_answer(void) { return 42; }
