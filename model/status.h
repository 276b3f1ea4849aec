/*
** status.h: the one status convention of rooflab, used by every layer.
**
**   RL_OK        0  success
**   RL_EINTERNAL 1  an internal failure (out of memory, an I/O error, a bug)
**   RL_EINPUT    2  the user's input is wrong; the message names the file,
**                   line, key and the allowed range
**
** A command's exit status is its rl_status.  Model-level results that are
** not errors of the program (a configuration that does not fit in memory)
** have their own codes in the module that returns them and are mapped to
** one of these by the caller.
*/
#ifndef RL_STATUS_H
#define RL_STATUS_H

typedef enum {
	RL_OK = 0,
	RL_EINTERNAL = 1,
	RL_EINPUT = 2
} rl_status;

#endif
