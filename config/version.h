/*
** version.h: the version and git revision the build stamps into sweep
** databases and reports (the Makefile passes -DRL_VERSION, and
** -DRL_GIT_REV_H naming build/gitrev.h, which defines RL_GIT_REV and is
** rewritten only when HEAD moves, so that the files that include this one
** are rebuilt with the new revision; "unknown" when a file is compiled
** without them).
*/
#ifndef RL_VERSION_H
#define RL_VERSION_H

#ifdef RL_GIT_REV_H
#include RL_GIT_REV_H
#endif

#ifndef RL_VERSION
#define RL_VERSION "unknown"
#endif
#ifndef RL_GIT_REV
#define RL_GIT_REV "unknown"
#endif

#endif
