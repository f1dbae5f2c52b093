import Foundation

exit(ServeMain.run(Array(CommandLine.arguments.dropFirst())))
