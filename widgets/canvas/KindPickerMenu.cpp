// SPDX-License-Identifier: MIT
#include "KindPickerMenu.h"

#include "Catalog.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QWidgetAction>

namespace mls {

KindPickerMenu::KindPickerMenu(const QStringList &kinds, const QStringList &flows, QWidget *parent)
    : QMenu(parent)
{
    setObjectName(QStringLiteral("kindPicker"));
    setToolTipsVisible(true);
    addSection(tr("Add and connect"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("kindPickerSearch"));
    m_search->setPlaceholderText(tr("Search components…"));
    m_search->setClearButtonEnabled(true);
    auto *field = new QWidgetAction(this);
    field->setDefaultWidget(m_search);
    addAction(field);
    const Catalog &cat = Catalog::builtin();
    for (int i = 0; i < kinds.size(); ++i) {
        const QString flow = flows.value(i);
        QAction *a = addAction(QStringLiteral("%1  ·  %2").arg(cat.kindLabel(kinds[i]), flow));
        a->setData(kinds[i]);
        if (const KindInfo *kind = cat.kind(kinds[i]))
            a->setToolTip(kind->description);
        a->setProperty(
            "mlsSearchText",
            QStringList{cat.kindLabel(kinds[i]), kinds[i], flow}.join(QLatin1Char(' ')).toLower());
        connect(a, &QAction::triggered, this, [this, a] { m_chosen = a->data().toString(); });
        m_kinds << a;
    }
    connect(m_search, &QLineEdit::textChanged, this, &KindPickerMenu::filter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QList<QAction *> shown = visibleKindActions();
        if (shown.isEmpty())
            return;
        m_chosen = shown.first()->data().toString();
        close();
    });
    // The search field has the keyboard as soon as the menu shows, so one can type at once.
    connect(this, &QMenu::aboutToShow, this, [this, field] {
        setActiveAction(field);
        m_search->setFocus();
    });
}

QList<QAction *> KindPickerMenu::visibleKindActions() const
{
    QList<QAction *> shown;
    for (QAction *a : m_kinds) {
        if (a->isVisible())
            shown << a;
    }
    return shown;
}

void KindPickerMenu::filter(const QString &text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QAction *a : std::as_const(m_kinds)) {
        const QString hay = a->property("mlsSearchText").toString();
        bool match = true;
        for (const QString &w : words)
            match = match && hay.contains(w);
        a->setVisible(match);
    }
}

QString KindPickerMenu::pick(const QPoint &screenPos)
{
    m_chosen.clear();
    exec(screenPos);
    return m_chosen;
}

} // namespace mls
