// SPDX-License-Identifier: MIT
#pragma once

class QDockWidget;
class QMainWindow;
class QToolBar;

namespace mls {

class DiagramView;
class EditActions;

/// The window's main toolbar: icon-only buttons of a fixed size (undo and redo, zoom, Fit,
/// a sticky note, auto layout, the Problems check, export) whose tooltips name the action and
/// its shortcut. Each button mirrors an action of the menus, so it is enabled exactly when that one
/// is.
class MainToolBar
{
public:
    /// Adds the toolbar to @p window: its buttons mirror @p edit's undo and redo, zoom @p view,
    /// show @p problems, and mirror the window's auto layout and export actions (found by
    /// object name, so they must exist already).
    static QToolBar *build(QMainWindow *window, const EditActions *edit, DiagramView *view,
                           QDockWidget *problems);
};

} // namespace mls
