// accept4 is a GNU extension; the define must come before any system header.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/socket.h>
#include "CLinuxShims.h"

int clinux_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags) {
    return accept4(fd, addr, addrlen, flags);
}

void clinux_ignore_sigpipe(void) {
    struct sigaction action = { 0 };
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    sigaction(SIGPIPE, &action, NULL);
}
