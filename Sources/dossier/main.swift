import DossierCLI
import Foundation

exit(DossierCLI.run(Array(CommandLine.arguments.dropFirst()), exiting: true))
