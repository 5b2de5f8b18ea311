import JHFCommands
import Foundation

exit(await JHF.runMain(Array(CommandLine.arguments.dropFirst())))
