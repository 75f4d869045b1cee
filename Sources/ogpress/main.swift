import Foundation

// Everything lives in Command; main sets up the allocator and maps Command's outcome to an exit code.
MallocTuning.apply()
exit(Command.main(arguments: Array(CommandLine.arguments.dropFirst())))
