// SPDX-License-Identifier: MIT
#include "DesignSteps.h"

#include "MetaFields.h"

#include <QHash>

namespace mls::DesignSteps {

QStringList ids()
{
    return {QStringLiteral("clarify_requirements"),
            QStringLiteral("frame_ml_task"),
            QStringLiteral("data_preparation"),
            QStringLiteral("model_development"),
            QStringLiteral("evaluation"),
            QStringLiteral("deployment_serving"),
            QStringLiteral("monitoring")};
}

QString title(const QString &id)
{
    static const QHash<QString, QString> titles{
        {QStringLiteral("clarify_requirements"), QStringLiteral("Clarify requirements")},
        {QStringLiteral("frame_ml_task"), QStringLiteral("Frame as an ML task")},
        {QStringLiteral("data_preparation"), QStringLiteral("Data preparation")},
        {QStringLiteral("model_development"), QStringLiteral("Model development")},
        {QStringLiteral("evaluation"), QStringLiteral("Evaluation")},
        {QStringLiteral("deployment_serving"), QStringLiteral("Deployment and serving")},
        {QStringLiteral("monitoring"), QStringLiteral("Monitoring")}};
    return titles.value(id, id);
}

QVector<std::pair<QString, QString>> of(const Meta &meta)
{
    QVector<std::pair<QString, QString>> steps;
    for (const auto &[id, note] : known::stepNotesInOrder(meta)) {
        const QString text = note.trimmed();
        if (!text.isEmpty())
            steps.push_back({id, text});
    }
    return steps;
}

} // namespace mls::DesignSteps
