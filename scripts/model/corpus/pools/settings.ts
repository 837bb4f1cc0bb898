import type { Bi } from '../text.js';
import { at } from '../rng.js';
import { pairs } from '../text.js';

/** Where a made-up mystery happens: its places, the things lying about, the trades of the people there. */
export interface Setting {
  name: Bi;
  /** What the victim was to the place (the owner, the head). */
  victimRole: Bi;
  locations: Bi[];
  objects: Bi[];
  occupations: Bi[];
}

function setting(
  name: string,
  victimRole: string,
  locations: string,
  objects: string,
  jobs: string,
): Setting {
  return {
    name: at(pairs(name), 0),
    victimRole: at(pairs(victimRole), 0),
    locations: pairs(locations),
    objects: pairs(objects),
    occupations: pairs(jobs),
  };
}

/** 24 settings; a fifth of them (see heldOut) never appear in the training split. */
export const SETTINGS: readonly Setting[] = [
  setting(
    '茶园/tea estate',
    '茶园主人/owner of the tea estate',
    '焙房/roasting house; 青间/withering room; 堂屋/main hall; 茶山小路/hill path; 机房/generator shed; 东厢房/east wing; 井台/well; 账房/counting room',
    '茶秤/tea scale; 焙笼/roasting basket; 记录本/logbook; 手电/torch; 铁火钎/iron poker; 竹篓/bamboo basket; 油灯/oil lamp',
    '炒茶师傅/tea roaster; 采茶工/tea picker; 账房先生/bookkeeper; 茶商/tea merchant; 管家/housekeeper',
  ),
  setting(
    '戏院/opera house',
    '戏班班主/head of the troupe',
    '后台/backstage; 化妆间/dressing room; 包厢/private box; 乐池/orchestra pit; 道具间/prop room; 茶水间/tea room; 侧台/wings',
    '戏服/costume; 头面/headdress; 茶缸/tea mug; 折扇/folding fan; 胡琴/fiddle; 粉盒/powder box; 水袖/water sleeve',
    '花旦/leading actress; 琴师/fiddler; 化妆师/make-up artist; 看门人/doorkeeper; 武生/acrobatic actor',
  ),
  setting(
    '客栈/inn',
    '客栈掌柜/innkeeper',
    '大堂/front hall; 后厨/kitchen; 马厩/stable; 上房/best room; 柴房/woodshed; 账台/front desk; 后院/back yard',
    '算盘/abacus; 酒坛/wine jar; 钥匙串/key ring; 灯笼/lantern; 菜刀/cleaver; 账簿/ledger; 茶壶/teapot',
    '跑堂/waiter; 厨子/cook; 马夫/groom; 说书人/storyteller; 行商/peddler',
  ),
  setting(
    '渔村/fishing village',
    '船主/boat owner',
    '码头/pier; 渔船/fishing boat; 晒网场/net yard; 灯塔/lighthouse; 祠堂/ancestral hall; 鱼市/fish market; 海滩/beach',
    '渔网/fishing net; 船桨/oar; 马灯/storm lantern; 鱼叉/fish spear; 麻绳/hemp rope; 铜哨/brass whistle; 蓑衣/straw cape',
    '船老大/boat captain; 补网人/net mender; 鱼贩/fish seller; 守塔人/lighthouse keeper; 村长/village head',
  ),
  setting(
    '酒庄/vineyard',
    '酒庄庄主/owner of the vineyard',
    '酒窖/wine cellar; 葡萄园/vine rows; 压榨房/press house; 品酒室/tasting room; 书房/study; 露台/terrace; 车库/garage',
    '开瓶器/corkscrew; 橡木桶/oak barrel; 酒杯/wine glass; 修枝剪/pruning shears; 账本/account book; 手套/gloves; 酒瓶/wine bottle',
    '酿酒师/winemaker; 品酒师/sommelier; 园丁/gardener; 司机/driver; 采购商/wine buyer',
  ),
  setting(
    '书院/academy',
    '书院山长/head of the academy',
    '讲堂/lecture hall; 藏书阁/library tower; 山长院/head’s courtyard; 斋舍/dormitory; 荷花池/lotus pond; 厨房/kitchen; 碑亭/stele pavilion',
    '砚台/inkstone; 戒尺/ruler; 考卷/exam paper; 油灯/oil lamp; 毛笔/writing brush; 印章/seal; 竹简/bamboo slips',
    '教书先生/teacher; 书童/page; 学生/student; 看门老汉/gatekeeper; 刻书匠/woodblock carver',
  ),
  setting(
    '医院/hospital',
    '医院院长/director of the hospital',
    '病房/ward; 药房/pharmacy; 值班室/duty room; 手术室/operating theatre; 走廊/corridor; 院长办公室/director’s office; 锅炉房/boiler room',
    '病历/medical chart; 针筒/syringe; 药瓶/medicine bottle; 听诊器/stethoscope; 白大褂/white coat; 钥匙/key; 手术刀/scalpel',
    '护士/nurse; 医生/doctor; 药剂师/pharmacist; 护工/orderly; 病人家属/patient’s relative',
  ),
  setting(
    '画廊/gallery',
    '画廊老板/owner of the gallery',
    '展厅/exhibition hall; 库房/storeroom; 修复室/restoration room; 办公室/office; 天台/roof terrace; 前台/reception; 装裱间/framing room',
    '画框/picture frame; 调色刀/palette knife; 目录册/catalogue; 放大镜/magnifier; 颜料管/paint tube; 保险柜/safe; 画布/canvas',
    '策展人/curator; 画家/painter; 修复师/restorer; 收藏家/collector; 保安/guard',
  ),
  setting(
    '客轮/passenger ship',
    '船东/shipowner',
    '甲板/deck; 头等舱/first-class cabin; 餐厅/dining saloon; 驾驶台/bridge; 锅炉房/boiler room; 货舱/cargo hold; 酒吧/bar',
    '救生圈/life ring; 望远镜/telescope; 怀表/pocket watch; 船票/ticket; 行李箱/suitcase; 酒瓶/bottle; 航海日志/ship’s log',
    '船长/captain; 大副/first mate; 乘务员/steward; 商人/merchant; 歌女/singer',
  ),
  setting(
    '山庄/mountain villa',
    '山庄主人/master of the villa',
    '客厅/drawing room; 书房/study; 温室/greenhouse; 地下室/cellar; 阁楼/attic; 车库/garage; 后花园/back garden; 餐厅/dining room',
    '猎枪/hunting rifle; 烛台/candlestick; 遗嘱/will; 钢笔/fountain pen; 茶杯/teacup; 雨伞/umbrella; 药盒/pill box',
    '律师/lawyer; 管家/butler; 厨娘/cook; 园丁/gardener; 家庭医生/family doctor',
  ),
  setting(
    '面包房/bakery',
    '面包房老板/owner of the bakery',
    '烤房/oven room; 前店/shop front; 面粉仓/flour store; 后巷/back alley; 阁楼/loft; 冷藏间/cold room',
    '擀面杖/rolling pin; 面粉袋/flour sack; 奶油刀/butter knife; 蛋糕盒/cake box; 收银机/till; 围裙/apron',
    '面包师/baker; 学徒/apprentice; 店员/shop assistant; 送货员/delivery driver; 老主顾/regular customer',
  ),
  setting(
    '图书馆/library',
    '图书馆馆长/chief librarian',
    '阅览室/reading room; 书库/stacks; 古籍部/rare books room; 馆长室/librarian’s office; 档案室/archive; 楼梯间/stairwell; 门厅/lobby',
    '借书卡/library card; 拆信刀/letter opener; 线装书/thread-bound book; 台灯/desk lamp; 登记簿/register; 手推车/book trolley',
    '管理员/clerk; 读者/reader; 修书匠/bookbinder; 清洁工/cleaner; 研究员/researcher',
  ),
  setting(
    '马戏团/circus',
    '马戏团团长/ringmaster',
    '大帐篷/big top; 兽笼/animal cages; 化妆车/dressing wagon; 售票亭/ticket booth; 训练场/practice ring; 草料棚/hay shed',
    '驯兽鞭/whip; 高跷/stilts; 秋千架/trapeze; 小丑面具/clown mask; 铃鼓/tambourine; 绳梯/rope ladder',
    '驯兽师/animal trainer; 小丑/clown; 杂技演员/acrobat; 售票员/ticket seller; 魔术师/magician',
  ),
  setting(
    '矿场/mine',
    '矿场老板/owner of the mine',
    '井口/pit head; 巷道/tunnel; 炸药库/powder store; 工棚/workers’ shed; 矿长室/manager’s office; 澡堂/bath house; 煤场/coal yard',
    '矿灯/miner’s lamp; 铁镐/pickaxe; 安全帽/helmet; 导火索/fuse; 工牌/tally tag; 水壶/flask',
    '矿工/miner; 爆破员/blaster; 会计/accountant; 食堂师傅/canteen cook; 工头/foreman',
  ),
  setting(
    '庙会/temple fair',
    '庙会会首/head of the fair',
    '大殿/main hall; 戏台/stage; 香炉前/incense burner; 小吃摊/snack stall; 后山门/back gate; 灯谜棚/riddle tent; 钟楼/bell tower',
    '功德箱/donation box; 花灯/lantern; 签筒/fortune sticks; 糖人/sugar figure; 铜锣/gong; 红绳/red cord',
    '庙祝/temple keeper; 摊主/stall owner; 舞狮人/lion dancer; 算命先生/fortune teller; 香客/pilgrim',
  ),
  setting(
    '报社/newspaper',
    '报社社长/owner of the newspaper',
    '编辑部/newsroom; 印刷车间/print shop; 主编室/editor’s office; 资料室/archive; 暗房/darkroom; 天台/roof; 收发室/mail room',
    '打字机/typewriter; 底片/negative; 校样/proof sheet; 墨滚/ink roller; 剪刀/scissors; 相机/camera',
    '主编/chief editor; 记者/reporter; 排字工/typesetter; 摄影师/photographer; 校对/proofreader',
  ),
  setting(
    '绸缎庄/silk shop',
    '绸缎庄东家/owner of the silk shop',
    '前厅/showroom; 染坊/dye house; 库房/store room; 绣房/embroidery room; 后院/courtyard; 账房/counting room',
    '剪刀/shears; 绣花针/embroidery needle; 布匹/bolt of silk; 熨斗/flat iron; 量尺/measuring stick; 账册/ledger',
    '绣娘/embroiderer; 染匠/dyer; 伙计/clerk; 买办/buyer; 裁缝/tailor',
  ),
  setting(
    '火车站/railway station',
    '火车站站长/stationmaster',
    '候车室/waiting room; 站台/platform; 信号房/signal box; 行李房/luggage room; 站长室/stationmaster’s office; 售票处/ticket office; 水塔/water tower',
    '信号灯/signal lamp; 车票/train ticket; 怀表/pocket watch; 扳手/wrench; 皮箱/leather case; 哨子/whistle',
    '扳道工/switchman; 售票员/ticket clerk; 搬运工/porter; 乘客/passenger; 司炉/fireman',
  ),
  setting(
    '药铺/herbal pharmacy',
    '药铺东家/owner of the pharmacy',
    '前堂/front room; 药库/herb store; 煎药房/brewing room; 后院/courtyard; 诊室/consulting room; 晒药台/drying terrace',
    '药碾/herb grinder; 戥子/herb scale; 药罐/medicine pot; 处方笺/prescription; 银针/silver needle; 药箱/medicine chest',
    '坐堂大夫/physician; 药童/apprentice; 采药人/herb gatherer; 账房/bookkeeper; 伙计/shop hand',
  ),
  setting(
    '雪山旅馆/ski lodge',
    '旅馆老板/owner of the lodge',
    '大厅/lounge; 壁炉边/fireside; 器材室/ski room; 厨房/kitchen; 锅炉间/boiler room; 观景台/lookout; 客房走廊/guest corridor',
    '雪杖/ski pole; 围巾/scarf; 热水壶/kettle; 登山绳/climbing rope; 手电筒/flashlight; 房卡/room key',
    '向导/guide; 厨师/chef; 游客/guest; 救援队员/rescuer; 前台/receptionist',
  ),
  setting(
    '片场/film studio',
    '制片人/producer',
    '摄影棚/sound stage; 化妆车/make-up trailer; 道具仓/prop store; 放映室/screening room; 导演帐篷/director’s tent; 布景街/back lot',
    '场记板/clapperboard; 剧本/script; 道具枪/prop pistol; 胶片盒/film can; 扩音器/megaphone; 假发/wig',
    '导演/director; 女主角/leading lady; 编剧/screenwriter; 场记/script supervisor; 灯光师/lighting man',
  ),
  setting(
    '瓷窑/porcelain kiln',
    '窑主/owner of the kiln',
    '窑房/kiln house; 拉坯房/throwing room; 釉料间/glaze room; 晾坯场/drying yard; 柴堆/woodpile; 账房/counting room; 河埠头/river steps',
    '釉罐/glaze jar; 瓷瓶/porcelain vase; 火钳/tongs; 窑牌/kiln tag; 修坯刀/trimming knife; 草帽/straw hat',
    '把桩师傅/firing master; 画坯工/painter; 学徒/apprentice; 瓷商/porcelain dealer; 挑夫/porter',
  ),
  setting(
    '古董店/antique shop',
    '古董店老板/owner of the antique shop',
    '店堂/shop floor; 里间/back room; 地窖/cellar; 楼上卧房/upstairs bedroom; 后门/back door; 鉴定台/appraisal desk',
    '青花碗/blue-and-white bowl; 铜镜/bronze mirror; 鼻烟壶/snuff bottle; 放大镜/magnifier; 锦盒/brocade box; 当票/pawn ticket',
    '伙计/assistant; 鉴定师/appraiser; 藏家/collector; 掮客/broker; 修复匠/restorer',
  ),
  setting(
    '温泉旅馆/hot-spring hotel',
    '旅馆老板娘/landlady of the hotel',
    '汤池/hot pool; 前台/front desk; 更衣室/changing room; 庭院/garden; 厨房/kitchen; 锅炉房/boiler room; 茶室/tea room',
    '浴巾/bath towel; 木屐/wooden clogs; 酒壶/sake flask; 门卡/key card; 温度计/thermometer; 浴袍腰带/robe sash',
    '服务员/attendant; 厨师/chef; 锅炉工/boilerman; 客人/guest; 按摩师/masseur',
  ),
];

/** Held-out slices are every fifth entry from the third: about 20%, spread over the pool. */
export function isHeldOut(index: number): boolean {
  return index % 5 === 2;
}
