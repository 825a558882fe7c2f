// SPDX-License-Identifier: MIT
#include "dialogs/ZoneDialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace mls;

/// Group into Zone's dialog: proposes the name, ready to be typed over, under a whole title.
class TestZoneDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void proposesNameSelected();
    void titleIsNotCut();
    void askReturnsTypedName();
};

void TestZoneDialog::proposesNameSelected()
{
    ZoneDialog dialog(QStringLiteral("Feature pipeline"), 3);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>();
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("Feature pipeline"));
    QCOMPARE(edit->selectedText(), QStringLiteral("Feature pipeline"));
    QVERIFY(dialog.labelText().contains(QStringLiteral("3 components")));
}

void TestZoneDialog::titleIsNotCut()
{
    ZoneDialog dialog(QStringLiteral("Training"), 1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The title bar is the window manager's: leave room for the whole title in a font up to a
    // third larger than the dialog's, and for its icon and three buttons.
    const int title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle());
    QVERIFY2(
        dialog.width() >= title * 4 / 3 + 4 * 40,
        qPrintable(QStringLiteral("%1 px wide for a %2 px title").arg(dialog.width()).arg(title)));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Group into Zone"));
}

void TestZoneDialog::askReturnsTypedName()
{
    QString answer;
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<ZoneDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QLineEdit *>();
        edit->setText(QStringLiteral("  Ranking stage "));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    answer = ZoneDialog::ask(nullptr, QStringLiteral("Serving"), 2);
    QCOMPARE(answer, QStringLiteral("Ranking stage"));

    QTimer::singleShot(0, this, [] { QApplication::activeModalWidget()->close(); });
    QCOMPARE(ZoneDialog::ask(nullptr, QStringLiteral("Serving"), 2), QString());
}

QTEST_MAIN(TestZoneDialog)
#include "tst_zone_dialog.moc"
