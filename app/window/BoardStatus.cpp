// SPDX-License-Identifier: MIT
#include "BoardStatus.h"

#include "Diagram.h"
#include "Document.h"
#include "canvas/DiagramView.h"
#include "commands/CommandIds.h"

#include <QLabel>
#include <QStatusBar>

namespace mls {

BoardStatus::BoardStatus(Document *document, DiagramView *view, QStatusBar *bar)
    : QObject(bar), m_document(document), m_view(view), m_counts(new QLabel(bar)),
      m_zoom(new QLabel(bar))
{
    m_zoom->setMinimumWidth(48);
    m_zoom->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bar->addPermanentWidget(m_counts);
    bar->addPermanentWidget(m_zoom);
    connect(view, &DiagramView::zoomChanged, this, &BoardStatus::update);
    connect(document, &Document::replaced, this, &BoardStatus::follow);
    follow();
}

void BoardStatus::follow()
{
    const Diagram *d = m_document->diagram();
    for (auto signal : {&Diagram::componentAdded, &Diagram::componentRemoved,
                        &Diagram::connectionAdded, &Diagram::connectionRemoved})
        connect(d, signal, this, [this] { m_countsChanged.request(); });
    update();
}

void BoardStatus::update()
{
    const Diagram *d = m_document->diagram();
    const int components = int(d->components().size());
    const int connections = int(d->connections().size());
    m_counts->setText(
        QStringLiteral("%1 · %2").arg(countText(components, tr("component"), tr("components")),
                                      countText(connections, tr("connection"), tr("connections"))));
    m_zoom->setText(m_view->zoom() < 0.01 ? tr("%1 %").arg(m_view->zoom() * 100, 0, 'f', 1)
                                          : tr("%1 %").arg(qRound(m_view->zoom() * 100)));
    m_counts->setMinimumWidth(m_counts->sizeHint().width()); // never clipped
}

} // namespace mls
