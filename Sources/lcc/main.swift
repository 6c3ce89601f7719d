import App

// Parse the command, read configuration, run. Everything else lives in the App library.
await LCCCommand.runMain()
