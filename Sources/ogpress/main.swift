import Foundation

// Everything lives in Command; main only maps its outcome to an exit code.
exit(Command.main(arguments: Array(CommandLine.arguments.dropFirst())))
