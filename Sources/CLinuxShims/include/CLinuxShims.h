#pragma once
// Linux calls that Swift's Glibc module does not expose. Filled in by the HTTPServer work.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/sendfile.h>
