// SPDX-License-Identifier: MIT
#include "LayoutAnimation.h"

#include "Diagram.h"
#include "DiagramScene.h"

#include <QEasingCurve>
#include <QVariantAnimation>

namespace mls {

LayoutAnimation::LayoutAnimation(QObject *parent)
    : QObject(parent), m_animation(new QVariantAnimation(this))
{
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &v) { step(v.toReal()); });
    connect(m_animation, &QVariantAnimation::finished, this, &LayoutAnimation::finish);
}

LayoutAnimation::~LayoutAnimation()
{
    m_animation->stop();
    if (m_scene)
        m_scene->endPreview();
}

void LayoutAnimation::start(DiagramScene *scene, const QHash<QString, QPointF> &from,
                            int durationMs)
{
    finish();
    if (!scene || from.size() > maxAnimatedComponents || durationMs <= 0)
        return;
    m_scene = scene;
    m_from = from;
    m_animation->setDuration(durationMs);
    step(0);
    m_animation->start();
}

bool LayoutAnimation::isRunning() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

void LayoutAnimation::step(qreal t)
{
    if (!m_scene)
        return;
    QHash<QString, QPointF> positions;
    for (auto it = m_from.constBegin(); it != m_from.constEnd(); ++it) {
        if (const Component *c = m_scene->diagram()->component(it.key()))
            positions.insert(it.key(), it.value() + (c->pos - it.value()) * t);
    }
    m_scene->previewMove(positions, {}, {});
}

void LayoutAnimation::finish()
{
    const bool wasActive = m_scene != nullptr;
    m_animation->stop();
    if (m_scene)
        m_scene->endPreview();
    m_scene = nullptr;
    m_from.clear();
    if (wasActive)
        Q_EMIT finished();
}

} // namespace mls
