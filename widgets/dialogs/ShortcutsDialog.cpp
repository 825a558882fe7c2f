// SPDX-License-Identifier: MIT
#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mls {

namespace {

QString plainText(const QAction *a)
{
    // The undo and redo actions carry the command ("Undo Move 2 components"): name the action.
    const QString name = a->property("shortcutName").toString();
    QString text = name.isEmpty() ? a->text() : name;
    text.remove(QLatin1Char('&'));
    text.remove(QChar(0x2026));
    text.remove(QStringLiteral("..."));
    return text.trimmed();
}

void collectMenu(const QMenu *menu, const QString &path, QList<ShortcutsDialog::Entry> &out,
                 QSet<const QAction *> &seen)
{
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || seen.contains(a))
            continue;
        seen.insert(a);
        if (a->menu()) {
            collectMenu(a->menu(), path + QStringLiteral(" › ") + plainText(a), out, seen);
            continue;
        }
        if (!a->shortcuts().isEmpty())
            out.append({path, plainText(a), a->shortcuts()});
    }
}

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList parts;
    for (const QKeySequence &k : keys)
        parts << k.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(",  "));
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(QMainWindow *window)
{
    QList<Entry> out;
    QSet<const QAction *> seen;
    for (QAction *a : window->menuBar()->actions()) {
        if (a->menu())
            collectMenu(a->menu(), plainText(a), out, seen);
    }
    // Shortcuts that live on the window rather than in a menu.
    for (QAction *a : window->actions()) {
        if (!seen.contains(a) && !a->shortcuts().isEmpty())
            out.append({tr("Window"), plainText(a), a->shortcuts()});
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window, QWidget *parent)
    : QDialog(parent ? parent : window), m_search(new QLineEdit(this)),
      m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_search->setPlaceholderText(tr("Search actions or keys"));
    m_search->setClearButtonEnabled(true);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    QTreeWidgetItem *group = nullptr;
    for (const Entry &e : collect(window)) {
        if (!group || group->text(0) != e.menu) {
            group = new QTreeWidgetItem(m_list, {e.menu});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setExpanded(true);
        }
        new QTreeWidgetItem(group, {e.action, keysText(e.keys)});
    }
    m_list->expandAll();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 620);
}

int ShortcutsDialog::setFilter(const QString &text)
{
    const QString needle = text.trimmed();
    int shown = 0;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        const bool groupMatches = group->text(0).contains(needle, Qt::CaseInsensitive);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *row = group->child(i);
            const bool match = groupMatches || needle.isEmpty() ||
                               row->text(0).contains(needle, Qt::CaseInsensitive) ||
                               row->text(1).contains(needle, Qt::CaseInsensitive);
            row->setHidden(!match);
            visible += match ? 1 : 0;
        }
        group->setHidden(visible == 0);
        shown += visible;
    }
    return shown;
}

} // namespace mls
