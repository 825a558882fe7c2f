// SPDX-License-Identifier: MIT
#pragma once

#include "Coalesced.h"

#include <QObject>

class QLabel;
class QStatusBar;

namespace mls {

class DiagramView;
class Document;

/// The status bar's permanent fields: how many components and connections the document holds
/// ("12 components · 9 connections") and the view's zoom ("100 %"). They follow every diagram
/// the document shows and every zoom of @p view.
class BoardStatus : public QObject
{
    Q_OBJECT
public:
    BoardStatus(Document *document, DiagramView *view, QStatusBar *bar);

    QLabel *countsLabel() const { return m_counts; }
    QLabel *zoomLabel() const { return m_zoom; }

public Q_SLOTS:
    /// Writes the counts and the zoom again.
    void update();

private:
    void follow();

    Document *m_document;
    DiagramView *m_view;
    QLabel *m_counts;
    QLabel *m_zoom;
    Coalesced m_countsChanged{this, [this] { update(); }}; ///< per added or removed element
};

} // namespace mls
