"""Is a run of list words natural language? Signs that ordinary prose happens to consist of list words.

English: about 130 of the 2,048 BIP39 words are the function words and everyday words sentences are built
from ("you", "that", "will", "please", "again", "because", "check"…). A generated phrase draws words
uniformly, so such words are rare in it (about 6 %); in a sentence made of list words they are most of it.

Chinese: adjacent characters of prose form common words (钱包, 转账, 以后…); adjacent characters of a phrase
drawn at random almost never do.
"""
from __future__ import annotations

# English words of the BIP39 and SLIP-39 lists that carry grammar or everyday support wording.
COMMON_EN = frozenset("""
about above across after again against agree all allow almost alone already also always any appear arrive ask
balance because before begin behind believe below between both bring build busy call can carry catch change
check choose close coin come consider cover day decide develop draw drive during each early either else enough
error even ever every explain fall fee feel few find first follow for give good have hello help here hold hope
include into issue just keep kind know last later learn leave like live long lot love make maybe more morning
move much never next night noise now number offer okay once one only open order other over pass people phone
please problem produce pull put raise ready real receive remain remember report require return right same
say sell since soon sorry speak spend stand start stay still such suggest sure tell than thank that then there
they this time today token tomorrow top transfer try turn two until update use very wait want way what when
where which while will with work write wrong year you
""".split())

# Everyday Chinese words of two characters (simplified and traditional), for the adjacent-pair test.
_COMMON_ZH = """
钱包 交易 转账 转帐 手机 以后 之后 资产 全部 怎么 什么 没有 已经 可以 现在 时候 知道 因为 所以 但是 如果 还是
一下 一直 问题 帮忙 帮助 谢谢 你好 您好 客服 地址 哈希 提现 提币 充值 到账 确认 成功 失败 显示 下载 官网 版本 安装
打开 登录 密码 助记 私钥 授权 被盗 转走 自己 我们 他们 别人 朋友 时间 今天 昨天 明天 上午 下午 晚上 小时 分钟 一个
两个 这个 那个 哪个 不是 就是 需要 应该 可能 发现 看到 收到 发送 发给 处理 解决 尽快 回复 联系 链接 网站 页面 提示
错误 网络 节点 加速 取消 手续 费用 余额 数量 金额 合约 代币 交易所 退回 找回 恢复 备份 导入 导出 创建 然后 而且 或者
还有 一样 一点 一些 有点 很多 非常 真的 其实 只是 只有 不能 不会 不要 不了 不到 不行 没法 办法 怎样 为何 请问 麻烦
谢谢你 感谢 辛苦 工单 订单 账户 账号 用户 身份 验证 安全 风险 冻结 解冻 提醒 注意 小心 骗子 诈骗 假的 真的 官方 应用
软件 更新 升级 重新 重启 卸载 电脑 设备 系统 苹果 安卓 华为 小米 卡住 卡在 等待 等了 等到 多久 几天 几个 一笔 这笔
那笔 第一 最后 开始 结束 出现 发生 遇到 碰到 看看 看下 查看 查询 检查 试试 尝试 试过 换了 换过 切换 设置 选择 输入
复制 粘贴 扫码 二维码 截图 图片 照片 信息 消息 内容 记录 明细 详情 状态 进行 完成 打包 区块 链上 浏览器 手续费 矿工
能量 带宽 资源 多签 权限 签名 转入 转出 收款 付款 支付 购买 出售 兑换 闪兑 跨链 桥接 领取 空投 奖励 活动 项目 平台
我的 你的 您的 他的 我们的 一下子 怎么办 为什么 是不是 有没有 能不能 可不可以 东西 地方 时候 样子 意思 事情 原因 结果
錢包 轉賬 轉帳 手機 以後 之後 資產 怎麼 沒有 已經 現在 時候 為何 因為 問題 幫忙 幫助 謝謝 客服 地址 確認 顯示 下載
官網 版本 安裝 打開 登錄 登入 密碼 助記 私鑰 授權 被盜 轉走 別人 時間 今天 昨天 明天 晚上 小時 分鐘 一個 兩個 這個
那個 哪個 不是 就是 需要 應該 可能 發現 看到 收到 發送 處理 解決 儘快 盡快 回覆 聯繫 聯絡 連結 網站 頁面 提示 錯誤 網路
網絡 節點 加速 取消 手續 費用 餘額 數量 金額 合約 代幣 交易所 退回 找回 恢復 備份 導入 匯入 導出 匯出 然後 而且 或者
還有 一樣 一點 一些 有點 很多 非常 真的 其實 只是 只有 不能 不會 不要 不了 不到 不行 辦法 怎樣 請問 麻煩 感謝 辛苦
帳戶 帳號 用戶 身份 驗證 安全 風險 凍結 提醒 注意 小心 騙子 詐騙 官方 應用 軟體 更新 升級 重新 重啟 設備 系統 蘋果
卡住 卡在 等待 多久 幾天 幾個 一筆 這筆 那筆 第一 最後 開始 結束 出現 發生 遇到 看看 查看 查詢 檢查 試試 嘗試 試過
換了 切換 設置 設定 選擇 輸入 複製 貼上 截圖 圖片 照片 信息 訊息 內容 記錄 紀錄 詳情 狀態 進行 完成 區塊 瀏覽器 礦工
能量 頻寬 資源 多簽 權限 簽名 轉入 轉出 收款 付款 支付 購買 出售 兌換 跨鏈 領取 空投 獎勵 活動 項目 平台 我的 你的
東西 地方 樣子 意思 事情 原因 結果 大概 左右 以前 之前 剛才 剛剛 刚才 刚刚 马上 馬上 已 经 过 來 来 说 說 会 會 在 了
""".split()
COMMON_ZH_PAIRS = frozenset(w[i : i + 2] for w in _COMMON_ZH if len(w) >= 2 for i in range(len(w) - 1))


def common_pairs(chars: str) -> int:
    """How many adjacent pairs of `chars` are (parts of) everyday Chinese words."""
    return sum(1 for i in range(len(chars) - 1) if chars[i : i + 2] in COMMON_ZH_PAIRS)


def natural_english(keys: list[str], sentence_marks: bool = True) -> bool:
    """True when a run of folded list words reads as an English sentence rather than a phrase.

    Everyday words at the edges are trimmed first (prose around a pasted phrase); what remains is prose when
    little is left or when everyday words are a large share of it: a third when the run has the marks of a
    sentence (punctuation, a capital letter), most of it when it is bare lower-case words like a pasted phrase.
    """
    common = [k in COMMON_EN for k in keys]
    lo, hi = 0, len(keys)
    while lo < hi and common[lo]:
        lo += 1
    while hi > lo and common[hi - 1]:
        hi -= 1
    core = hi - lo
    inner = sum(common[lo:hi])
    if core < 5:
        return True
    return inner >= 3 and inner >= (0.34 if sentence_marks else 0.6) * core
