#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>
#include <sys/syscall.h>
#include <unistd.h>

// MHD_start_daemon is variadic, which Swift cannot call: this shim passes every
// option through MHD_OPTION_ARRAY instead.
static inline struct MHD_Daemon *CMicroHTTPD_start_daemon(
    unsigned int flags, uint16_t port, MHD_AccessHandlerCallback handler, void *handler_cls,
    struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

// Options that take a function pointer carry it in the `intptr_t value` slot of
// MHD_OptionItem; these build such items without casts on the Swift side.
static inline struct MHD_OptionItem CMicroHTTPD_logger_option(MHD_LogCallback callback,
                                                              void *cls) {
    struct MHD_OptionItem item = {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)callback, cls};
    return item;
}

static inline struct MHD_OptionItem CMicroHTTPD_completed_option(
    MHD_RequestCompletedCallback callback, void *cls) {
    struct MHD_OptionItem item = {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)callback, cls};
    return item;
}

typedef void *(*CMicroHTTPD_URILogCallback)(void *cls, const char *uri,
                                            struct MHD_Connection *connection);

static inline struct MHD_OptionItem CMicroHTTPD_uri_log_option(CMicroHTTPD_URILogCallback callback,
                                                               void *cls) {
    struct MHD_OptionItem item = {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)callback, cls};
    return item;
}

typedef size_t (*CMicroHTTPD_UnescapeCallback)(void *cls, struct MHD_Connection *connection,
                                               char *s);

static inline struct MHD_OptionItem CMicroHTTPD_unescape_option(
    CMicroHTTPD_UnescapeCallback callback, void *cls) {
    struct MHD_OptionItem item = {MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)callback, cls};
    return item;
}

// MHD_get_daemon_info / MHD_get_connection_info are variadic.
static inline uint16_t CMicroHTTPD_bind_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

// Copies the client's IPv4/IPv6 address into `out`; returns the
// address family, or 0 when MHD has none.
static inline int CMicroHTTPD_client_address(struct MHD_Connection *connection,
                                             struct sockaddr_storage *out) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) return 0;
    const struct sockaddr *addr = info->client_addr;
    if (addr->sa_family == AF_INET) {
        *(struct sockaddr_in *)out = *(const struct sockaddr_in *)addr;
    } else if (addr->sa_family == AF_INET6) {
        *(struct sockaddr_in6 *)out = *(const struct sockaddr_in6 *)addr;
    } else {
        return 0;
    }
    return addr->sa_family;
}
// The kernel id of the calling thread (glibc declares gettid only with _GNU_SOURCE),
// for giving the worker pool's threads their own nice value.
static inline pid_t CMicroHTTPD_gettid(void) { return (pid_t)syscall(SYS_gettid); }
#endif
