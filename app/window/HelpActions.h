// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace mls {

class RuleController;

/// The Help menu: the keyboard shortcuts (read from the window's own actions), the rules
/// reference (the loaded rule packs with why and fix) and About (version, licence).
class HelpActions : public QObject
{
    Q_OBJECT
public:
    /// The rules reference lists the rules of @p rules; dialogs are parented to @p window.
    HelpActions(RuleController *rules, QWidget *window);

    void populate(QMenu *menu);

public Q_SLOTS:
    void showShortcuts();
    void showRulesReference();
    void showAbout();

private:
    RuleController *m_rules;
    QWidget *m_window;
};

} // namespace mls
