#pragma once
// Linux calls that Swift's Glibc module does not expose.
//
// <sys/epoll.h> and <sys/eventfd.h> are not part of SwiftGlibc.h, so including them here is
// enough to make epoll_create1/epoll_ctl/epoll_wait/eventfd visible. accept4 is only declared by
// glibc under _GNU_SOURCE, and defining that here would turn its address parameter into glibc's
// transparent union, which Swift cannot pass nil to. The wrapper below keeps plain pointers; it
// is defined in shims.c, which is compiled with _GNU_SOURCE.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/sendfile.h>
#include <signal.h>
// malloc_trim(3), for measuring what one render touches (ogpress bench).
#include <malloc.h>

/// accept4(2): accepts a connection and applies SOCK_NONBLOCK / SOCK_CLOEXEC atomically.
int clinux_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags);

/// Sets SIGPIPE to SIG_IGN so that a write to a reset socket returns EPIPE instead of killing
/// the process (sendfile has no MSG_NOSIGNAL flag).
void clinux_ignore_sigpipe(void);
