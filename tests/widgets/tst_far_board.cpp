// SPDX-License-Identifier: MIT
// The far-zoom batches (FarBoardPainter) against the items' own painting: the same board at a
// far zoom drawn both ways must look the same, and every part of it (arrows, cards, the
// selection, badges, zones) must be there. MLS_FAR_BOARD_DUMP=DIR saves both pictures.
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/FarBoardPainter.h"
#include "canvas/ZoneItem.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace mls;
using namespace mls::test;

namespace {

constexpr int columns = 30;
constexpr int rows = 20;

/// 600 cards on a grid, 900 arrows (to a card up to 20 places on: most along a row, some into
/// the next), a zone every 50 cards, findings on every seventh card and arrow.
std::unique_ptr<Diagram> board()
{
    auto d = std::make_unique<Diagram>();
    const QStringList kinds = {"client",       "api_gateway", "event_stream", "feature_store",
                               "model_server", "trainer",     "vector_db",    "monitoring"};
    for (int i = 0; i < columns * rows; ++i)
        d->insertComponent(i, component(QStringLiteral("c%1").arg(i), kinds[i % kinds.size()],
                                        QPointF((i % columns) * 240, (i / columns) * 120)));
    QRandomGenerator rng(7);
    const QStringList flows = {"requests", "events", "features", "model", "predictions"};
    for (int i = 0; i < columns * rows * 3 / 2; ++i) {
        const int from = rng.bounded(columns * rows);
        const int to = std::min(columns * rows - 1, from + 1 + rng.bounded(20));
        d->insertConnection(i, connection(QStringLiteral("e%1").arg(i),
                                          QStringLiteral("c%1").arg(from),
                                          QStringLiteral("c%1").arg(to), flows[i % flows.size()]));
    }
    const auto card = [](int i) { return QStringLiteral("c%1").arg(i); };
    for (int g = 0; g < columns * rows / 50; ++g) { // four cards in a row each
        Group zone;
        zone.id = QStringLiteral("g%1").arg(g);
        zone.label = QStringLiteral("Zone %1").arg(g);
        zone.members = {card(g * 50), card(g * 50 + 1), card(g * 50 + 2), card(g * 50 + 3)};
        d->insertGroup(g, zone);
    }
    return d;
}

QVector<Finding> findings()
{
    QVector<Finding> out;
    for (int i = 0; i < columns * rows; i += 7) {
        Finding f;
        f.rule = QStringLiteral("MLS-001");
        f.severity = i % 2 ? Severity::Error : Severity::Warning;
        f.components << QStringLiteral("c%1").arg(i);
        out << f;
        Finding e;
        e.rule = QStringLiteral("MLS-002");
        e.severity = Severity::Info;
        e.connections << QStringLiteral("e%1").arg(i);
        out << e;
    }
    return out;
}

int channelDiff(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

/// How far @p image is from @p ref at @p p, allowing a pixel of shift (a hairline's pixels are
/// rounded differently at the ends of its runs).
int nearDiff(const QImage &ref, const QImage &image, int x, int y)
{
    int best = 255;
    for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
            const int nx = x + dx, ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < image.width() && ny < image.height())
                best = std::min(best, channelDiff(ref.pixel(x, y), image.pixel(nx, ny)));
        }
    }
    return best;
}

} // namespace

class FarBoardTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Diagram> m_diagram;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<DiagramView> m_view;

    QImage render(bool batched)
    {
        m_view->setFarBatching(batched);
        const QImage image =
            m_view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        if (m_view->paintedInBatches() != batched)
            qWarning("painted %s", m_view->paintedInBatches() ? "in batches" : "item by item");
        return image;
    }

private Q_SLOTS:
    void init()
    {
        m_diagram = board();
        m_stack = std::make_unique<QUndoStack>();
        m_scene = std::make_unique<DiagramScene>(m_diagram.get());
        m_scene->setUndoStack(m_stack.get());
        m_scene->setFindings(findings());
        m_view = std::make_unique<DiagramView>();
        m_view->setScene(m_scene.get());
        m_view->resize(900, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QStringList selected;
        for (int i = 3; i < columns * rows; i += 11)
            selected << QStringLiteral("c%1").arg(i) << QStringLiteral("e%1").arg(i);
        m_scene->selectIds(selected);
        m_scene->setHighlighted({"c1", "c2"}, {"e5"});
    }
    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
        m_stack.reset();
        m_diagram.reset();
    }

    /// Both ways at a far zoom look the same, and each part of the board is in the batches: the
    /// pixels that hiding the part changes in the items' picture are the items' in the batched
    /// one (within a pixel), not the picture without it.
    void sameAsItems_data()
    {
        QTest::addColumn<qreal>("zoom");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("curved");
        QTest::addColumn<QString>("part");
        for (const qreal zoom : {0.09, 0.05, 0.03, 0.012}) {
            for (const char *part : {"arrows", "cards", "selection", "badges", "zones"}) {
                const QByteArray name = QByteArray::number(zoom) + " " + part;
                QTest::newRow(name.constData())
                    << zoom << false << false << QString::fromLatin1(part);
            }
        }
        QTest::newRow("dark 0.05 arrows") << 0.05 << true << false << QStringLiteral("arrows");
        QTest::newRow("dark 0.05 selection")
            << 0.05 << true << false << QStringLiteral("selection");
        QTest::newRow("curved 0.05 arrows") << 0.05 << false << true << QStringLiteral("arrows");
        QTest::newRow("curved 0.02 arrows") << 0.02 << false << true << QStringLiteral("arrows");
    }
    void sameAsItems()
    {
        QFETCH(qreal, zoom);
        QFETCH(bool, dark);
        QFETCH(bool, curved);
        QFETCH(QString, part);
        if (dark)
            m_scene->setStyle(CardStyle::darkStyle());
        if (curved)
            m_scene->setRouting(ConnectionItem::Routing::Curved);
        m_view->setZoom(zoom);
        m_view->centerOn(columns * 120, rows * 60);

        const QImage items = render(false);
        const QImage batched = render(true);
        QVERIFY(m_view->paintedInBatches());
        if (const QString dir = qEnvironmentVariable("MLS_FAR_BOARD_DUMP"); !dir.isEmpty()) {
            const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_');
            items.save(dir + QStringLiteral("/%1-items.png").arg(name));
            batched.save(dir + QStringLiteral("/%1-batched.png").arg(name));
        }

        // The whole picture: a small mean difference, smaller still allowing a pixel of shift.
        double sum = 0, nearSum = 0;
        for (int y = 0; y < items.height(); ++y) {
            for (int x = 0; x < items.width(); ++x) {
                sum += channelDiff(items.pixel(x, y), batched.pixel(x, y));
                nearSum += nearDiff(items, batched, x, y);
            }
        }
        const double pixels = double(items.width()) * items.height();
        QVERIFY2(sum / pixels < 2.0, qPrintable(QString::number(sum / pixels)));
        QVERIFY2(nearSum / pixels < 0.5, qPrintable(QString::number(nearSum / pixels)));

        // The part: the items' picture without it.
        const std::function<void(bool)> show = [&](bool on) {
            if (part == "arrows") {
                for (const Connection &c : m_diagram->connections())
                    m_scene->connectionItem(c.id)->setVisible(on);
            } else if (part == "cards") {
                for (const Component &c : m_diagram->components())
                    m_scene->componentItem(c.id)->setVisible(on);
            } else if (part == "selection") {
                static QStringList selected;
                if (!on) {
                    selected = m_scene->selectedComponentIds() + m_scene->selectedConnectionIds();
                    m_scene->clearSelection();
                } else {
                    m_scene->selectIds(selected);
                }
            } else if (part == "badges") {
                m_scene->setMarkersVisible(on);
            } else if (part == "zones") {
                for (const Group &g : m_diagram->groups())
                    m_scene->zoneItem(g.id)->setVisible(on);
            }
        };
        show(false);
        const QImage without = render(false);
        show(true);
        double partDiff = 0, batchDiff = 0;
        int partPixels = 0;
        for (int y = 0; y < items.height(); ++y) {
            for (int x = 0; x < items.width(); ++x) {
                const int d = channelDiff(items.pixel(x, y), without.pixel(x, y));
                if (d < 24)
                    continue;
                ++partPixels;
                partDiff += d;
                batchDiff += nearDiff(items, batched, x, y);
            }
        }
        QVERIFY2(partPixels > 20, qPrintable(QString::number(partPixels)));
        // Missing in the batches, the part's pixels would differ as much as without it.
        QVERIFY2(batchDiff < 0.2 * partDiff, qPrintable(QStringLiteral("%1 of %2 over %3 px")
                                                            .arg(batchDiff)
                                                            .arg(partDiff)
                                                            .arg(partPixels)));
    }

    /// Batches only below FarBoardPainter::maxZoom; above it the items paint themselves.
    void batchesOnlyFarOut()
    {
        m_view->setZoom(FarBoardPainter::maxZoom * 1.2);
        m_view->viewport()->grab();
        QVERIFY(!m_view->paintedInBatches());
        m_view->setZoom(FarBoardPainter::maxZoom * 0.8);
        m_view->viewport()->grab();
        QVERIFY(m_view->paintedInBatches());
        // Any change repaints the whole viewport: the batches keep no per-item record.
        QCOMPARE(m_view->viewportUpdateMode(), QGraphicsView::FullViewportUpdate);
        m_view->setFarBatching(false);
        m_view->viewport()->grab();
        QVERIFY(!m_view->paintedInBatches());
        QCOMPARE(m_view->viewportUpdateMode(), QGraphicsView::SmartViewportUpdate);
    }
};

QTEST_MAIN(FarBoardTest)
#include "tst_far_board.moc"
