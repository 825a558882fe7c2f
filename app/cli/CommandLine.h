// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>
#include <vector>

namespace mls {

/// One `mlsketch COMMAND …`. The table of these (CommandLine::subcommands()) is the only list
/// of commands: dispatch, --help, the "unknown command" message and the man page check read it.
struct Subcommand
{
    using Run = std::function<int(const QStringList &args, QTextStream &out, QTextStream &err)>;

    QString name;
    /// The synopsis and what the command does, as --help prints it (indented, ≤ 78 columns).
    QString usage;
    /// Runs the command with the arguments after its name; returns the exit code.
    Run run;
    /// It paints (export): a QApplication on the offscreen platform instead of a core one.
    bool drawsBoard = false;
    /// Not for people (the window's own worker process): left out of --help and messages.
    bool hidden = false;
};

/// The headless front: every subcommand runs the same core as the window, without a display.
class CommandLine
{
public:
    /// Every command, in the order --help lists them.
    static const std::vector<Subcommand> &subcommands();
    /// The command called @p name, or nullptr.
    static const Subcommand *find(const QString &name);
    /// The "Commands" part of --help: each visible command's usage.
    static QString helpText();
    /// Runs a subcommand (@p args without the program name); returns the process exit code.
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    /// Checks the arguments of the window (@p args without the program name) before any window
    /// or display is needed: a mistyped command ("chek") or more than one file is an error.
    /// Returns the message, empty when they are fine.
    static QString windowArgumentsError(const QStringList &args);
    /// The message for a window start without any display to open it on (Linux/BSD with
    /// neither DISPLAY nor WAYLAND_DISPLAY nor QT_QPA_PLATFORM set); empty when there is one.
    static QString missingDisplayError();
    /// "templates, new, check, layout and export": the visible commands, for messages.
    static QString commandNames();
};

} // namespace mls
