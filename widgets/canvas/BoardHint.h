// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>
#include <QPointer>

namespace mls {

class DiagramScene;
class DiagramView;

/// "Drag components here from the palette", in the middle of an empty board; gone as soon as
/// a component is on it. Follows whichever diagram the view shows.
class BoardHint : public QLabel
{
    Q_OBJECT
public:
    explicit BoardHint(DiagramView *view);

public Q_SLOTS:
    void follow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    DiagramView *m_view;
    QPointer<DiagramScene> m_scene;
    QList<QMetaObject::Connection> m_watched; ///< the diagram's additions and removals
};

} // namespace mls
