// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QPointer>

class QVariantAnimation;

namespace mls {

class DiagramScene;

/// Glides cards from where they were to where the model now has them (after an auto layout was
/// pushed as one undo step). Only the items move, through the scene's preview: the model is
/// already final, so undo, saving and tests never see an in-between position. Each frame reads
/// the model's position again, so an undo during the glide simply ends where the model is.
class LayoutAnimation : public QObject
{
    Q_OBJECT
public:
    explicit LayoutAnimation(QObject *parent = nullptr);
    ~LayoutAnimation() override;

    /// Longer diagrams jump straight to the end: re-routing thousands of arrows per frame
    /// would stutter more than it explains.
    static constexpr int maxAnimatedComponents = 600;

    /// Starts gliding the cards of @p from (component id → old centre) on @p scene.
    void start(DiagramScene *scene, const QHash<QString, QPointF> &from, int durationMs = 250);
    /// Jumps to the end (items where the model says).
    void finish();
    bool isRunning() const;

Q_SIGNALS:
    void finished();

private:
    void step(qreal t);

    QVariantAnimation *m_animation;
    QPointer<DiagramScene> m_scene;
    QHash<QString, QPointF> m_from;
};

} // namespace mls
