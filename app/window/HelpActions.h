// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMenu;
class QMainWindow;

namespace mls {

class RuleController;

/// The Help menu: the keyboard shortcuts (read from the window's own actions), the rules
/// reference (the loaded rule packs with why and fix) and About (version, licence).
class HelpActions : public QObject
{
    Q_OBJECT
public:
    /// The rules reference lists the rules of @p rules; dialogs are parented to @p window.
    HelpActions(RuleController *rules, QMainWindow *window);

    void populate(QMenu *menu);

public Q_SLOTS:
    void showShortcuts();
    void showRulesReference();
    void showAbout();

private:
    RuleController *m_rules;
    QMainWindow *m_window;
};

} // namespace mls
