// SPDX-License-Identifier: MIT
#pragma once

class QToolBar;

namespace mls {

class MainWindow;

/// The window's main toolbar: icon-only buttons of a fixed size (undo and redo, zoom, Fit,
/// a sticky note, auto layout, the Problems check, export) whose tooltips name the action and
/// its shortcut. Each button mirrors an action of the menus, so it is enabled exactly when that one
/// is.
class MainToolBar
{
public:
    static QToolBar *build(MainWindow *window);
};

} // namespace mls
