// SPDX-License-Identifier: MIT
#include "RecoveryPrompt.h"

#include "Diagram.h"
#include "RecoveryStore.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QLocale>
#include <QMessageBox>

namespace mls {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("mls::RecoveryPrompt", text);
}
} // namespace

std::vector<RestoredSession> RecoveryPrompt::ask(RecoveryStore &store, QWidget *parent)
{
    std::vector<RestoredSession> restored;
    const QVector<RecoverableSession> orphans = store.findOrphans();
    if (orphans.isEmpty())
        return restored;
    QStringList lines;
    for (const RecoverableSession &s : orphans)
        lines << QStringLiteral("• %1 (%2)")
                     .arg(s.title.isEmpty() ? tr("Untitled") : s.title,
                          QLocale().toString(s.savedAt.toLocalTime(), QLocale::ShortFormat));
    QMessageBox box(QMessageBox::Question, tr("Restore unsaved work?"),
                    tr("mlsketch did not close properly. Unsaved work was found:\n\n%1\n\n"
                       "Restore it?")
                        .arg(lines.join(QLatin1Char('\n'))),
                    QMessageBox::Yes | QMessageBox::Discard, parent);
    box.setDefaultButton(QMessageBox::Yes);
    box.button(QMessageBox::Yes)->setText(tr("Restore"));
    const auto answer = QMessageBox::StandardButton(box.exec());
    for (const RecoverableSession &s : orphans) {
        QString error;
        std::unique_ptr<Diagram> d;
        if (answer == QMessageBox::Yes)
            d = store.restore(s.id, &error);
        if (!d || !store.adopt(s.id)) {
            if (answer == QMessageBox::Yes && !error.isEmpty())
                QMessageBox::warning(parent, tr("Cannot restore"), error);
            store.discard(s.id);
            continue;
        }
        restored.push_back({std::move(d), s.originalPath, s.id});
    }
    return restored;
}

} // namespace mls
