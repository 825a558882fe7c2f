// SPDX-License-Identifier: MIT
#include "RulesReference.h"

#include "rules/Finding.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mls {

RulesReference::RulesReference(const QVector<Rule> &rules, QWidget *parent)
    : QDialog(parent), m_rules(rules), m_search(new QLineEdit(this)), m_list(new QListWidget(this)),
      m_details(new QTextBrowser(this))
{
    setWindowTitle(tr("Rules Reference"));
    m_search->setPlaceholderText(tr("Search rules (id, name, text)"));
    m_search->setClearButtonEnabled(true);
    for (int i = 0; i < m_rules.size(); ++i) {
        const Rule &r = m_rules[i];
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(r.id, r.title), m_list);
        item->setData(Qt::UserRole, i);
        item->setToolTip(severityName(r.severity));
    }
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 420});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &RulesReference::setFilter);
    connect(m_list, &QListWidget::currentRowChanged, this, &RulesReference::showCurrent);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(780, 520);
    m_list->setCurrentRow(0);
}

void RulesReference::showCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item) {
        m_details->clear();
        return;
    }
    const Rule &r = m_rules[item->data(Qt::UserRole).toInt()];
    m_details->setHtml(QStringLiteral("<h3>%1 — %2</h3><p><i>%3</i></p>"
                                      "<p><b>%4</b><br>%5</p><p><b>%6</b><br>%7</p>")
                           .arg(r.id.toHtmlEscaped(), r.title.toHtmlEscaped(),
                                severityName(r.severity), tr("Why it matters"),
                                r.explanation.toHtmlEscaped(), tr("How to fix it"),
                                r.fix.toHtmlEscaped()));
}

int RulesReference::setFilter(const QString &text)
{
    const QString needle = text.trimmed();
    int shown = 0;
    QListWidgetItem *firstShown = nullptr;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const Rule &r = m_rules[item->data(Qt::UserRole).toInt()];
        const bool match = needle.isEmpty() || r.id.contains(needle, Qt::CaseInsensitive) ||
                           r.title.contains(needle, Qt::CaseInsensitive) ||
                           r.explanation.contains(needle, Qt::CaseInsensitive) ||
                           r.fix.contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !firstShown)
            firstShown = item;
        shown += match ? 1 : 0;
    }
    if (m_list->currentItem() && m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstShown);
    return shown;
}

bool RulesReference::showRule(const QString &id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_rules[m_list->item(row)->data(Qt::UserRole).toInt()].id == id) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

} // namespace mls
