// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMenu;

namespace mls {

class MainWindow;

/// The Help menu: the keyboard shortcuts (read from the window's own actions), the rules
/// reference (the loaded rule packs with why and fix) and About (version, licence).
class HelpActions : public QObject
{
    Q_OBJECT
public:
    explicit HelpActions(MainWindow *window);

    void populate(QMenu *menu);

public Q_SLOTS:
    void showShortcuts();
    void showRulesReference();
    void showAbout();

private:
    MainWindow *m_window;
};

} // namespace mls
