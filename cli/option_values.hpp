#pragma once
// What every value typed on the command line must be, checked once for every option
// of every command as CLI11 reads it: not empty (`--date ''` is a mistake, not
// "today"), and free of control, direction and zero-width characters (util's one
// validator), so that no command can take such text in, and none alters it silently.

namespace CLI {
class App;
}

namespace cfund::cli {

// Adds the check to every option that takes a value, in the whole command tree. Call it
// after every command is set up. A value that fails it throws InputError (exit 2)
// naming the option, before any command runs.
void check_option_values(CLI::App& root);

}  // namespace cfund::cli
