// SPDX-License-Identifier: MIT
#include "ConnectPrompts.h"

#include "Catalog.h"
#include "KindPickerMenu.h"

#include <QCoreApplication>
#include <QMenu>

namespace mls {

QString ConnectPrompts::chooseFlow(const QStringList &flows, const QPoint &screenPos) const
{
    if (m_flowChooser)
        return m_flowChooser(flows, screenPos);
    QMenu menu;
    menu.setToolTipsVisible(true);
    menu.addSection(QCoreApplication::translate("mls::DiagramScene", "Connect with flow"));
    for (const QString &f : flows) {
        QAction *a = menu.addAction(Catalog::builtin().flowLabel(f));
        a->setData(f);
        if (const FlowType *flow = Catalog::builtin().flow(f))
            a->setToolTip(flow->description);
    }
    QAction *chosen = menu.exec(screenPos);
    return chosen ? chosen->data().toString() : QString();
}

QString ConnectPrompts::chooseKind(const QStringList &kinds, const QStringList &flows,
                                   const QPoint &screenPos) const
{
    if (m_kindChooser)
        return m_kindChooser(kinds, flows, screenPos);
    KindPickerMenu menu(kinds, flows);
    return menu.pick(screenPos);
}

} // namespace mls
