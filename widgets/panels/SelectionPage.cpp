// SPDX-License-Identifier: MIT
#include "SelectionPage.h"

#include "WrappedLabel.h"
#include "commands/CommandIds.h"

#include <QVBoxLayout>

namespace mls {

SelectionPage::SelectionPage(QWidget *parent)
    : InspectorPage(parent), m_summary(new WrappedLabel(this))
{
    auto *hint = new WrappedLabel(this);
    hint->setWrappedText(tr("Select a single component or connection to edit it."));
    makeSubtle(hint);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Selection")));
    layout->addWidget(m_summary);
    layout->addWidget(hint);
    layout->addStretch();
}

void SelectionPage::setCounts(int components, int connections)
{
    QStringList parts;
    if (components > 0)
        parts.append(countText(components, tr("component"), tr("components")));
    if (connections > 0)
        parts.append(countText(connections, tr("connection"), tr("connections")));
    m_summary->setWrappedText(tr("%1 selected").arg(parts.join(QStringLiteral(", "))));
}

} // namespace mls
