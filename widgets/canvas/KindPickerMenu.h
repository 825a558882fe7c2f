// SPDX-License-Identifier: MIT
#pragma once

#include <QMenu>
#include <QStringList>

class QLineEdit;

namespace mls {

/// A short searchable menu of component kinds (what a connection dropped on empty canvas can
/// create): a search field on top filters the entries by name, id or flow as one types; Enter
/// picks the first entry shown.
class KindPickerMenu : public QMenu
{
    Q_OBJECT
public:
    /// @p kinds are catalog ids; @p flows[i] says in words what kinds[i] would receive.
    KindPickerMenu(const QStringList &kinds, const QStringList &flows, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    /// The entries left by the search (their data is the kind id).
    QList<QAction *> visibleKindActions() const;
    /// Shows the menu at @p screenPos; the chosen kind id, or empty when dismissed.
    QString pick(const QPoint &screenPos);

private:
    void filter(const QString &text);

    QLineEdit *m_search = nullptr;
    QList<QAction *> m_kinds;
    QString m_chosen;
};

} // namespace mls
