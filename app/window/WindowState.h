// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace mls {

class BoardHint;
class DiagramView;
class Minimap;

/// The window's space: the default arrangement of the docks (a narrow palette on the left,
/// the Inspector on the right, the Problems, Latency and Text tabs as a low strip under the
/// board only), and one key to hide or bring back every panel. Size, position and dock state are
/// saved and restored (QSettings "window/geometry" and "window/state"); this arrangement is
/// what a first start, with nothing saved, shows. It also puts the minimap and
/// the empty-board hint on the view.
class WindowState : public QObject
{
    Q_OBJECT
public:
    static constexpr int paletteWidth = 190;
    static constexpr int sideWidth = 300;
    static constexpr int bottomHeight = 190;

    WindowState(QMainWindow *window, DiagramView *view);

    /// Arranges the docks as on a first start (call before restoring a saved state).
    void applyDefaultLayout();
    /// Restores the window's size, position and dock state as save() left them (QSettings
    /// "window/geometry" and "window/state"); nothing saved keeps the default layout.
    void restore();
    /// Saves the window's size, position and dock state for the next window.
    void save() const;
    /// Adds "Hide All Panels" (Ctrl+Shift+H) and the minimap switch to @p viewMenu.
    void populateViewMenu(QMenu *viewMenu);
    QAction *togglePanelsAction() const { return m_togglePanels; }
    Minimap *minimap() const { return m_minimap; }
    BoardHint *boardHint() const { return m_hint; }

public Q_SLOTS:
    /// Hides every visible dock, or shows again the ones it hid.
    void togglePanels();

private:
    QDockWidget *dock(const char *name) const;

    QMainWindow *m_window;
    QAction *m_togglePanels = nullptr;
    Minimap *m_minimap;
    BoardHint *m_hint;
    QList<QPointer<QDockWidget>> m_hidden;
};

} // namespace mls
