// SPDX-License-Identifier: MIT
#pragma once

#include "rules/Rule.h"

#include <QDialog>
#include <QVector>

class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace mls {

/// Help → Rules Reference: every rule of the loaded packs, searchable, with its severity, why
/// it matters and how to fix it (what `mlsketch rules` and `mlsketch explain` print).
class RulesReference : public QDialog
{
    Q_OBJECT
public:
    explicit RulesReference(const QVector<Rule> &rules, QWidget *parent = nullptr);

    /// Shows the rules whose id, title or text contain @p text; returns how many.
    int setFilter(const QString &text);
    /// Shows the rule @p id (selects it in the list); false when there is none.
    bool showRule(const QString &id);
    QListWidget *list() const { return m_list; }
    QTextBrowser *details() const { return m_details; }

private:
    void showCurrent();

    QVector<Rule> m_rules;
    QLineEdit *m_search;
    QListWidget *m_list;
    QTextBrowser *m_details;
};

} // namespace mls
