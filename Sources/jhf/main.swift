import JHFCommands
import Foundation

exit(JHF.runMain(Array(CommandLine.arguments.dropFirst())))
