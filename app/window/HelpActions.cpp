// SPDX-License-Identifier: MIT
#include "HelpActions.h"

#include "dialogs/RulesReference.h"
#include "dialogs/ShortcutsDialog.h"
#include "rules/RuleController.h"
#include "rules/RuleEngine.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

namespace mls {

HelpActions::HelpActions(RuleController *rules, QMainWindow *window)
    : QObject(window), m_rules(rules), m_window(window)
{}

void HelpActions::populate(QMenu *menu)
{
    menu->addAction(tr("&Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash), this,
                    &HelpActions::showShortcuts)
        ->setObjectName(QStringLiteral("helpShortcuts"));
    menu->addAction(tr("&Rules Reference"), QKeySequence::HelpContents, this,
                    &HelpActions::showRulesReference)
        ->setObjectName(QStringLiteral("helpRules"));
    menu->addSeparator();
    QAction *about = menu->addAction(tr("&About mlsketch"), this, &HelpActions::showAbout);
    about->setObjectName(QStringLiteral("helpAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void HelpActions::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(m_window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HelpActions::showRulesReference()
{
    auto *dialog = new RulesReference(m_rules->engine().rules(), m_window);
    dialog->setObjectName(QStringLiteral("rulesReference"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HelpActions::showAbout()
{
    QMessageBox::about(
        m_window, tr("About mlsketch"),
        tr("<h3>mlsketch %1</h3>"
           "<p>A whiteboard for machine-learning system design: it checks the design against "
           "the rules of production ML systems while you draw.</p>"
           "<p>Copyright © 2026 the mlsketch authors.<br>Released under the MIT licence.</p>"
           "<p>Built with Qt %2 (LGPL-3), Graphviz (EPL-1.0) and nlohmann_json (MIT).</p>")
            .arg(QApplication::applicationVersion().isEmpty() ? QStringLiteral(MLSKETCH_VERSION)
                                                              : QApplication::applicationVersion(),
                 QString::fromLatin1(qVersion())));
}

} // namespace mls
