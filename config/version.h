/*
** version.h: the version and git revision the build stamps into sweep
** databases and reports (the Makefile passes -DRL_VERSION and -DRL_GIT_REV;
** "unknown" when a file is compiled without them).
*/
#ifndef RL_VERSION_H
#define RL_VERSION_H

#ifndef RL_VERSION
#define RL_VERSION "unknown"
#endif
#ifndef RL_GIT_REV
#define RL_GIT_REV "unknown"
#endif

#endif
