#pragma once
// setjmp wrappers around libpng so its errors come back as return codes. Filled in by the Render work.
#include <stddef.h>
#include <stdint.h>
