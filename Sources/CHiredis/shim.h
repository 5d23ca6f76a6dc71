#ifndef CHIREDIS_SHIM_H
#define CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>

// redisCommand is variadic (printf-style): Swift calls redisCommandArgv and
// redisAppendCommandArgv instead, which take explicit argument lengths, so no
// argument is ever parsed as a format string. The reply type constants are
// macros of plain integers, which Swift imports as they are.
#endif
