// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "MimeTypes.h"
#include "panels/PalettePanel.h"

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace mls;

/// The palette lists the catalog by category, filters it, and hands out kinds by drag,
/// double-click and keyboard.
class TestPalette : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsCatalogInCategoryOrder();
    void filter_data();
    void filter();
    void hidesEmptyCategories();
    void mimeDataCarriesKind();
    void tooltipDescribesKind();
    void doubleClickAdds_data();
    void doubleClickAdds();
    void enterOnItemAdds();
    void enterInSearchAddsFirstMatch();
    void searchRanksNamesFirst_data();
    void searchRanksNamesFirst();
    void downInSearchFocusesFirstMatch();
    void iconsFollowDarkPalette();
};

/// The row of @p kind (a kind, never the category header of the same name).
static QModelIndex indexOfKind(const QAbstractItemView *view, const QString &kind)
{
    const QString label = Catalog::builtin().kindLabel(kind);
    const QModelIndexList hits =
        view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, label, -1,
                             Qt::MatchExactly | Qt::MatchRecursive);
    for (const QModelIndex &hit : hits)
        if (hit.parent().isValid())
            return hit;
    return {};
}

static std::unique_ptr<PalettePanel> shownPanel()
{
    auto panel = std::make_unique<PalettePanel>();
    panel->resize(320, 700);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get()))
        qWarning("palette window not exposed");
    return panel;
}

void TestPalette::listsCatalogInCategoryOrder()
{
    const Catalog &catalog = Catalog::builtin();
    QStringList expected;
    for (const Category &category : catalog.categories())
        for (const KindInfo &kind : catalog.kinds())
            if (kind.category == category.id)
                expected << kind.id;
    PalettePanel panel;
    QCOMPARE(panel.visibleKinds(), expected);
    QCOMPARE(panel.visibleKinds().size(), catalog.kinds().size());
}

void TestPalette::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<int>("count"); // -1: any number

    const QStringList features = {"feature_pipeline", "feature_store", "offline_feature_store",
                                  "online_feature_store"};
    const QStringList serving = {"ranking",         "reranking",        "model_server",
                                 "batch_inference", "prediction_store", "llm_service"};
    QTest::newRow("kafka in description") << "kafka" << QStringList{"event_stream"} << -1;
    QTest::newRow("milvus") << "milvus" << QStringList{"vector_db"} << 1;
    QTest::newRow("MILVUS case-insensitive") << "MILVUS" << QStringList{"vector_db"} << 1;
    QTest::newRow("feature") << "feature" << features << -1;
    QTest::newRow("serving category") << "serving" << serving << -1;
    QTest::newRow("id with underscore") << "vector_db" << QStringList{"vector_db"} << 1;
    QTest::newRow("every word must match") << "  redis  PREDICTION " << QStringList{"cache"} << -1;
    QTest::newRow("no match") << "zzz" << QStringList{} << 0;
    QTest::newRow("empty shows all") << "" << QStringList{"client", "monitoring", "service"}
                                     << int(Catalog::builtin().kinds().size());
}

void TestPalette::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, mustContain);
    QFETCH(int, count);
    PalettePanel panel;
    panel.setFilter(text);
    const QStringList kinds = panel.visibleKinds();
    for (const QString &kind : mustContain)
        QVERIFY2(kinds.contains(kind), qPrintable(kind + " not in " + kinds.join(',')));
    if (count >= 0)
        QCOMPARE(kinds.size(), count);
    QCOMPARE(panel.searchField()->text(), text);
    // Typing in the field filters the same way.
    panel.setFilter(QString());
    panel.searchField()->setText(text);
    QCOMPARE(panel.visibleKinds(), kinds);
}

void TestPalette::hidesEmptyCategories()
{
    auto panel = shownPanel();
    const QTreeView *view = panel->view();
    const QAbstractItemModel *model = view->model();
    auto visibleHeaders = [&] {
        QStringList labels;
        for (int row = 0; row < model->rowCount(); ++row)
            if (!view->isRowHidden(row, QModelIndex()))
                labels << model->index(row, 0).data().toString();
        return labels;
    };
    QCOMPARE(visibleHeaders().size(), Catalog::builtin().categories().size());
    panel->setFilter("milvus");
    QCOMPARE(visibleHeaders(), QStringList{Catalog::builtin().category("retrieval")->label});
    panel->setFilter("zzz");
    QVERIFY(visibleHeaders().isEmpty());
    QVERIFY(!view->isVisible()); // an empty-state message replaces the blank list
    QLabel *message = nullptr;
    for (QLabel *label : panel->findChildren<QLabel *>())
        if (label->isVisible())
            message = label;
    QVERIFY(message);
    QVERIFY2(message->text().contains("zzz"), qPrintable(message->text()));
    QCOMPARE(message->textFormat(), Qt::PlainText); // it quotes user input
    panel->setFilter(QString());
    QVERIFY(view->isVisible());
    QCOMPARE(visibleHeaders().size(), Catalog::builtin().categories().size());
}

void TestPalette::mimeDataCarriesKind()
{
    std::unique_ptr<QMimeData> mime(PalettePanel::mimeDataForKind("vector_db"));
    QVERIFY(mime->hasFormat(kindMimeType()));
    QCOMPARE(mime->data(kindMimeType()), QByteArray("vector_db"));
    QCOMPARE(mime->text(), QStringLiteral("vector_db"));
}

void TestPalette::tooltipDescribesKind()
{
    PalettePanel panel;
    const QModelIndex index = indexOfKind(panel.view(), "vector_db");
    QVERIFY(index.isValid());
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains("<b>Vector DB</b>"), qPrintable(tip));
    QVERIFY2(tip.contains("Retrieval"), qPrintable(tip));
    QVERIFY2(tip.contains("Milvus, Pinecone"), qPrintable(tip));
    QCOMPARE(index.data(Qt::DecorationRole).value<QIcon>().isNull(), false);
}

void TestPalette::doubleClickAdds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("first") << "client";
    QTest::newRow("middle") << "vector_db";
    QTest::newRow("same label as its category") << "monitoring";
}

void TestPalette::doubleClickAdds()
{
    QFETCH(QString, kind);
    auto panel = shownPanel();
    QTreeView *view = panel->view();
    const QModelIndex index = indexOfKind(view, kind);
    QVERIFY(index.isValid());
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(view->viewport()->rect().contains(rect.center()));
    QSignalSpy spy(panel.get(), &PalettePanel::addRequested);
    // A real double-click: QTest's widget mouseDClick sends only the second press.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), kind);
}

void TestPalette::enterOnItemAdds()
{
    auto panel = shownPanel();
    QTreeView *view = panel->view();
    QSignalSpy spy(panel.get(), &PalettePanel::addRequested);
    view->setCurrentIndex(indexOfKind(view, "feature_store"));
    QTest::keyClick(view, Qt::Key_Return);
    view->setCurrentIndex(indexOfKind(view, "trainer"));
    QTest::keyClick(view, Qt::Key_Enter);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("feature_store"));
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("trainer"));
    // Enter on a category header folds it instead of adding anything.
    const QModelIndex header = view->model()->index(0, 0);
    view->setCurrentIndex(header);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    QVERIFY(!view->isExpanded(header));
}

void TestPalette::enterInSearchAddsFirstMatch()
{
    auto panel = shownPanel();
    QSignalSpy spy(panel.get(), &PalettePanel::addRequested);
    QTest::keyClicks(panel->searchField(), "milvus");
    QCOMPARE(panel->visibleKinds(), QStringList{"vector_db"});
    QTest::keyClick(panel->searchField(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("vector_db"));
    panel->setFilter("zzz");
    QTest::keyClick(panel->searchField(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1); // nothing to add
}

void TestPalette::searchRanksNamesFirst_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("first");
    QTest::newRow("feature store: not Cache") << "feature store"
                                              << "feature_store";
    QTest::newRow("cache") << "cache"
                           << "cache";
    QTest::newRow("kafka: the event stream") << "kafka"
                                             << "event_stream";
    QTest::newRow("model: a name prefix, not Embedding model") << "model"
                                                               << "model_registry";
    QTest::newRow("online") << "online"
                            << "online_feature_store";
}

void TestPalette::searchRanksNamesFirst()
{
    QFETCH(QString, typed);
    QFETCH(QString, first);
    auto panel = shownPanel();
    QSignalSpy spy(panel.get(), &PalettePanel::addRequested);
    QTest::keyClicks(panel->searchField(), typed);
    QCOMPARE(panel->visibleKinds().value(0), first);
    QTest::keyClick(panel->searchField(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), first);
    // Clearing the search puts the catalog order back.
    panel->setFilter(QString());
    PalettePanel fresh;
    QCOMPARE(panel->visibleKinds(), fresh.visibleKinds());
}

void TestPalette::downInSearchFocusesFirstMatch()
{
    auto panel = shownPanel();
    panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    panel->searchField()->setFocus();
    panel->setFilter("serving");
    QTest::keyClick(panel->searchField(), Qt::Key_Down);
    const QTreeView *view = panel->view();
    QCOMPARE(view->currentIndex(), indexOfKind(view, panel->visibleKinds().first()));
    QTRY_VERIFY(view->hasFocus());
}

/// Dark ink on light palettes, light ink on dark ones.
static int iconLightness(const PalettePanel &panel)
{
    const QIcon icon = indexOfKind(panel.view(), "cache").data(Qt::DecorationRole).value<QIcon>();
    const QImage img = icon.pixmap(20, 20).toImage();
    int best = 0, lightness = -1;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            if (qAlpha(img.pixel(x, y)) > best) {
                best = qAlpha(img.pixel(x, y));
                lightness = img.pixelColor(x, y).lightness();
            }
    return lightness;
}

void TestPalette::iconsFollowDarkPalette()
{
    PalettePanel panel;
    QPalette light = panel.palette();
    light.setColor(QPalette::Window, Qt::white);
    panel.setPalette(light);
    QVERIFY2(iconLightness(panel) < 100, qPrintable(QString::number(iconLightness(panel))));
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    panel.setPalette(dark);
    QVERIFY2(iconLightness(panel) > 160, qPrintable(QString::number(iconLightness(panel))));
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
