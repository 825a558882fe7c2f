// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "IconCache.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTest>

using namespace mls;

/// Every kind has an icon that parses, uses only the recolourable ink, and draws something
/// visible at 16 px and at 64 px.
class TestIcons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindIcons_data();
    void kindIcons();
    void recolouring();
};

static int inkedPixels(const QPixmap &pm)
{
    const QImage img = pm.toImage();
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            n += qAlpha(img.pixel(x, y)) > 64;
    return n;
}

void TestIcons::kindIcons_data()
{
    QTest::addColumn<QString>("file");
    for (const KindInfo &k : Catalog::builtin().kinds())
        QTest::newRow(qPrintable(k.id)) << k.icon;
    QTest::newRow("unknown") << QStringLiteral("unknown.svg");
}

void TestIcons::kindIcons()
{
    QFETCH(QString, file);
    QFile f(":/icons/" + file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    const QByteArray svg = f.readAll();
    QSvgRenderer renderer(svg);
    QVERIFY2(renderer.isValid(), qPrintable(file));
    QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 24, 24));
    // One ink colour so the app can recolour it for dark mode and category accents.
    QRegularExpression colour(QStringLiteral("#[0-9A-Fa-f]{3,6}\\b"));
    for (auto it = colour.globalMatch(QString::fromUtf8(svg)); it.hasNext();)
        QCOMPARE(it.next().captured().toLower(), QStringLiteral("#263238"));
    const int small = inkedPixels(IconCache::instance().pixmap(file, 16, Qt::black));
    const int large = inkedPixels(IconCache::instance().pixmap(file, 64, Qt::black));
    QVERIFY2(small >= 12 && small < 16 * 16 * 3 / 4, qPrintable(QString::number(small)));
    QVERIFY2(large >= 100, qPrintable(QString::number(large)));
}

void TestIcons::recolouring()
{
    const QImage red = IconCache::instance().pixmap("cache.svg", 32, Qt::red).toImage();
    bool sawRed = false;
    for (int y = 0; y < red.height() && !sawRed; ++y)
        for (int x = 0; x < red.width() && !sawRed; ++x) {
            const QColor c = red.pixelColor(x, y);
            sawRed = c.alpha() > 200 && c.red() > 200 && c.green() < 40 && c.blue() < 40;
        }
    QVERIFY(sawRed);
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
